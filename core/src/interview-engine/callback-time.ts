export {
  readCallbackTime as parseCallbackTime,
  type CallbackRequest,
} from './understanding/read-callback-time.js';
