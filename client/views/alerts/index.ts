export { mount } from './render';
