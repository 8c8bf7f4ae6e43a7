import { parseArgs } from 'node:util';
import { PERSONA_NAMES, isPersonaName } from '@screenline/core';
import { makePersonaClips } from './make-clips.js';

// npm run speech:clips -- [--persona NAME]... [--dir .livekit/clips]
const { values } = parseArgs({
  options: {
    persona: { type: 'string', multiple: true, default: ['qualified'] },
    dir: { type: 'string', default: '.livekit/clips' },
  },
});
for (const persona of values.persona) {
  if (!isPersonaName(persona)) {
    console.error(`Unknown persona ${persona}: one of ${PERSONA_NAMES.join(', ')}`);
    process.exit(2);
  }
  const { manifest, path } = await makePersonaClips(persona, { directory: values.dir });
  const totalMs = manifest.clips.reduce((sum, clip) => sum + clip.durationMs, 0);
  console.log(
    `CLIPS_${persona.toUpperCase().replace('-', '_')}=${path}  (${manifest.clips.length} clips, ${(totalMs / 1000).toFixed(1)} s)`,
  );
}
