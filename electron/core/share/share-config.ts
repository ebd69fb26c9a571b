import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { isRecord, DurableJsonFile } from '../library/durable-json';
import type { DurableFs } from '../library/durable-fs';
import { describeError } from '../errors';
import { isStamp, type Stamp } from './hlc';
import { isDeviceId } from './share-log';

/**
 * share.json, in the data folder (never in the shared one): which folder this
 * computer shares through, who it is there, its clock, and how far into each
 * log its progress has taken changes in.
 */
export interface ShareConfig {
  schemaVersion: number;
  deviceId: string;
  deviceName: string;
  /** The host the id was made on: a data folder copied to another computer gets a new id. */
  host: string;
  /** Absent: sharing is off. */
  folder?: string;
  /** The last stamp this computer issued or saw, so its clock never runs back. */
  clock?: Stamp;
  /** Per log file name: the latest stamp taken into this computer's progress. */
  seen: Record<string, Stamp>;
  /**
   * Changes made here and not logged yet when sharing last stopped (possible
   * while another computer's log was being replaced): per shared value, the
   * moment it was made, so a restart keeps it newer than what arrives later.
   */
  pending?: Record<string, Stamp>;
}

export const SHARE_CONFIG_VERSION = 1;
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newDeviceId(): string {
  return [...randomBytes(12)].map((b) => ALPHABET[b % ALPHABET.length]).join('');
}

function freshConfig(host: string): ShareConfig {
  return {
    schemaVersion: SHARE_CONFIG_VERSION,
    deviceId: newDeviceId(),
    deviceName: host,
    host,
    seen: {},
  };
}

/** Names with their stamps, as stored; anything else is left out. */
function cleanStamps(value: unknown): Record<string, Stamp> {
  const stamps: Record<string, Stamp> = {};
  if (!isRecord(value)) return stamps;
  for (const [name, stamp] of Object.entries(value)) if (isStamp(stamp)) stamps[name] = stamp;
  return stamps;
}

export class ShareConfigFile {
  private readonly file: DurableJsonFile<ShareConfig>;
  /**
   * The settings as this process last read or wrote them (JSON): closing the app
   * writes share.json again only when something in it changed, since each write
   * waits for the disk twice (the file, then its folder).
   */
  private onDisk?: string;

  constructor(dataDir: string, fs?: DurableFs, onRestored?: (message: string) => void) {
    this.file = new DurableJsonFile<ShareConfig>(path.join(dataDir, 'share.json'), {
      label: 'your sharing settings',
      schemaVersion: SHARE_CONFIG_VERSION,
      isValid: (data) => isDeviceId(data.deviceId),
      indent: 2,
      onRestored,
      fs,
    });
  }

  /** `fresh`: ignore what is stored (it could not be read). */
  async read(host = os.hostname(), fresh = false): Promise<ShareConfig> {
    const stored = fresh ? null : await this.file.read();
    this.onDisk = stored ? JSON.stringify(stored) : undefined;
    if (!stored) return freshConfig(host);
    if (stored.host !== host) {
      // The same id on two computers would have both write one log.
      return { ...freshConfig(host), folder: stored.folder };
    }
    return {
      ...stored,
      deviceName: typeof stored.deviceName === 'string' ? stored.deviceName : host,
      folder: typeof stored.folder === 'string' ? stored.folder : undefined,
      clock: isStamp(stored.clock) ? stored.clock : undefined,
      seen: cleanStamps(stored.seen),
      pending: cleanStamps(stored.pending),
    };
  }

  /** Reads share.json; one that cannot be read turns sharing off (the learner is told). */
  async readOrOff(host: string, onNotice?: (message: string) => void): Promise<ShareConfig> {
    try {
      return await this.read(host);
    } catch (error) {
      // Sharing is an extra: a damaged share.json must not keep the learner out of Studyline.
      onNotice?.(
        `${describeError(error)} Sharing with your other computers is off until you turn it on again.`,
      );
      return this.read(host, true);
    }
  }

  async write(config: ShareConfig): Promise<void> {
    const text = JSON.stringify(config);
    if (text === this.onDisk) return;
    await this.file.write(config);
    this.onDisk = text;
  }
}
