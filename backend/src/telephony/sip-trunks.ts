import { RoomServiceClient, SipClient } from 'livekit-server-sdk';
import { randomBytes } from 'node:crypto';
import { outcomeForLiveKitError } from './livekit-errors.js';

/** Where the trunk commands reach LiveKit. */
export interface LiveKitAccess {
  url: string;
  apiKey: string;
  apiSecret: string;
}

/**
 * `SIP_TRANSPORT_AUTO` (0) in the enum of the protocol copy the SDK bundles, which is a different
 * type from the `@livekit/protocol` the rest of the backend imports, though equal in value.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment -- that copy cannot be imported
const SIP_TRANSPORT_AUTO = 0 as NonNullable<
  Parameters<SipClient['createSipOutboundTrunk']>[3]
>['transport'];

function sipClient(access: LiveKitAccess): SipClient {
  // Failover off, as for every dial: a replayed request could ring the test phone twice.
  return new SipClient(access.url, access.apiKey, access.apiSecret, {
    failover: false,
    requestTimeout: 10,
  });
}

export interface NewOutboundTrunk {
  /** `host` or `host:port` of the carrier's SIP server: no `sip:` and no parameters. */
  address: string;
  /** The caller numbers the trunk may use, E.164. */
  numbers: string[];
  username?: string | undefined;
  password?: string | undefined;
  name?: string | undefined;
}

/** Why a trunk's fields cannot be sent, or undefined when they are fine. */
export function outboundTrunkProblem(trunk: NewOutboundTrunk): string | undefined {
  if (!/^[A-Za-z0-9.-]+(:\d{1,5})?$/.test(trunk.address)) {
    return 'the address is host or host:port (for example sip.example.com:5060), without sip: or parameters';
  }
  if (trunk.numbers.length === 0) return 'give at least one caller number with --numbers';
  const bad = trunk.numbers.find((number) => !/^\+[1-9]\d{6,14}$/.test(number));
  if (bad !== undefined) return `${bad} is not an E.164 number such as +15551234567`;
  if ((trunk.username === undefined) !== (trunk.password === undefined)) {
    return 'a username needs a password (SIP_TRUNK_PASSWORD or standard input), and the other way round';
  }
  return undefined;
}

/** Creates the LiveKit outbound trunk; answers its id (`ST_...`). */
export async function createOutboundTrunk(
  access: LiveKitAccess,
  trunk: NewOutboundTrunk,
): Promise<string> {
  const created = await sipClient(access).createSipOutboundTrunk(
    trunk.name ?? 'screenline-outbound',
    trunk.address,
    trunk.numbers,
    {
      transport: SIP_TRANSPORT_AUTO,
      ...(trunk.username === undefined ? {} : { authUsername: trunk.username }),
      ...(trunk.password === undefined ? {} : { authPassword: trunk.password }),
    },
  );
  return created.sipTrunkId;
}

export interface TrunkCheck {
  isUsable: boolean;
  line: string;
}

/** Whether `trunkId` exists on this LiveKit, is outbound and has a number; one line either way. */
export async function checkTrunk(access: LiveKitAccess, trunkId: string): Promise<TrunkCheck> {
  const client = sipClient(access);
  let outbound;
  try {
    outbound = await client.listSipOutboundTrunk({ trunkIds: [trunkId] });
  } catch (error) {
    return {
      isUsable: false,
      line: `LiveKit at ${access.url} did not answer the trunk lookup (${outcomeForLiveKitError(error).detail}): check LIVEKIT_URL and the keys`,
    };
  }
  const trunk = outbound.find((info) => info.sipTrunkId === trunkId);
  if (trunk === undefined) {
    const inbound = await client.listSipInboundTrunk({ trunkIds: [trunkId] }).catch(() => []);
    if (inbound.some((info) => info.sipTrunkId === trunkId)) {
      return {
        isUsable: false,
        line: `SIP_TRUNK_ID ${trunkId} is an inbound trunk: calls go out through an outbound one (npx screenline trunk create)`,
      };
    }
    return {
      isUsable: false,
      line: `SIP_TRUNK_ID ${trunkId} does not exist on ${access.url}: create one with npx screenline trunk create`,
    };
  }
  if (trunk.numbers.length === 0) {
    return {
      isUsable: false,
      line: `SIP_TRUNK_ID ${trunkId} has no caller number: LiveKit refuses to dial from it`,
    };
  }
  return {
    isUsable: true,
    line: `SIP_TRUNK_ID ${trunkId} is an outbound trunk to ${trunk.address} calling from ${trunk.numbers.join(', ')}`,
  };
}

/** Places one test call through the trunk, waits for its SIP answer, hangs up; one line. */
export async function placeTestCall(
  access: LiveKitAccess,
  trunkId: string,
  phoneE164: string,
  ringingTimeoutS = 20,
): Promise<TrunkCheck> {
  const room = `trunk-check-${randomBytes(6).toString('hex')}`;
  try {
    await sipClient(access).createSipParticipant(trunkId, phoneE164, room, {
      participantIdentity: 'trunk-check',
      ringingTimeout: ringingTimeoutS,
      maxCallDuration: 30,
      waitUntilAnswered: true,
    });
    return { isUsable: true, line: `the call was answered (room ${room}); hanging up` };
  } catch (error) {
    const { outcome, detail } = outcomeForLiveKitError(error);
    return { isUsable: false, line: `the call did not connect: ${outcome} (${detail})` };
  } finally {
    await new RoomServiceClient(access.url, access.apiKey, access.apiSecret)
      .deleteRoom(room)
      .catch(() => undefined); // No room was made, or it is already gone: nothing rings.
  }
}
