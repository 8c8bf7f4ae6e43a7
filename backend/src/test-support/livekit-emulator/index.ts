export * from './livekit-emulator.js';
export * from './sip-script.js';
export * from './twirp-error.js';
export * from './webhook-signer.js';
