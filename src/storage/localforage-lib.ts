// localforage is a CommonJS package: imported from here, a module loaded on first use of storage, the
// bundler's CommonJS interop goes to this chunk with the library instead of into the first load.
import localforage from 'localforage';

export default localforage;
