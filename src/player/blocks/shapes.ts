// Kinds that share a shape are one component, told apart by its `kind` prop: purpose and theory are
// each a BlockFrame, a case study and a reflection each a PromptsBlock. A compiled lesson writes
// <PurposeBlock id="…">, so each such kind is the shape with its kind set, rather than a wrapper
// file per kind repeating the shape. Kept out of index.ts, which only re-exports: a lesson's chunk
// then takes only the components it uses.
import type { Component } from 'svelte';
import type { BlockKind } from '../../content/schema/block-kinds.ts';
import BlockFrame from './BlockFrame.svelte';
import PromptsBlock from './PromptsBlock.svelte';

/**
 * The shape's component with its `kind` prop set. The props pass through a proxy rather than a
 * copy, so a prop that is a getter (a reactive value) is still read when the shape reads it.
 */
export function withKind<Props extends { kind: BlockKind }>(shape: Component<Props>, kind: Props['kind']): Component<Omit<Props, 'kind'>> {
  return (internals, props) =>
    shape(
      internals,
      new Proxy(props, {
        get: (target, key, receiver) => (key === 'kind' ? kind : Reflect.get(target, key, receiver)),
        has: (target, key) => key === 'kind' || Reflect.has(target, key),
      }) as Props,
    );
}

export const PurposeBlock = /* @__PURE__ */ withKind(BlockFrame, 'purpose');
export const TheoryBlock = /* @__PURE__ */ withKind(BlockFrame, 'theory');
export const CaseStudyBlock = /* @__PURE__ */ withKind(PromptsBlock, 'case-study');
export const ReflectionBlock = /* @__PURE__ */ withKind(PromptsBlock, 'reflection');
