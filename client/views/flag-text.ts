/** Flag meanings come from the server's own table (a pure module with no server dependencies). */
export { FLAG_MEANINGS as FLAG_TEXT } from '../../server/shared/flags';
