export { countersNonce, KEY_BYTES, NONCE_BYTES, open, seal } from './aes-gcm';
export { decodeText, encodeText } from './text';
