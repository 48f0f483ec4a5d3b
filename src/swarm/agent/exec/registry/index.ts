/** The simulated registry: the image catalogue, reference parsing, lookup. */
export { CATALOGUE, type ImageEntry } from './catalogue';
export {
  distributionInspect,
  findImage,
  parseReference,
  type FoundImage,
  type ImageReference,
} from './lookup';
