import { DetailedError, Upload } from 'tus-js-client';
import { err, ok, type Result } from '../../common/result.js';
import type { CityError, UploadProgress, UploadSource } from './city-client-types.js';
import type { CityConnection } from './city-connection.js';
import { cityErrorFromStatus } from './problem-errors.js';
import { cityAborted, cityProtocol } from './transport-errors.js';
import { CityTransportFailure, CityTusResponse, CityTusStack } from './tus-http-stack.js';

// One attachment over tus 1.0. tus-js-client does the protocol (create, HEAD for the offset,
// PATCH chunks); retries and backoff belong to the forwarder, so tus never retries here.

export interface UploadOptions {
  uploadUrl?: string;
  onUploadUrl?: (url: string) => void;
  onProgress?: (p: UploadProgress) => void;
  signal?: AbortSignal;
}

export interface UploadDone {
  uploadUrl: string;
  /** body bytes sent by this call; a resumed upload sends only what the server lacks */
  bytesSent: number;
}

export const DEFAULT_CHUNK_BYTES = 1024 * 1024;

export async function uploadAttachment(
  conn: CityConnection,
  chunkBytes: number,
  dossierId: string,
  file: UploadSource,
  opts: UploadOptions = {},
): Promise<Result<UploadDone, CityError>> {
  if (opts.signal?.aborted) return err(cityAborted());
  let data: Buffer;
  try {
    data = await file.read();
  } catch (e) {
    return err(cityProtocol(`attachment ${file.sha256} could not be read: ${e instanceof Error ? e.message : String(e)}`));
  }
  const stack = new CityTusStack(conn);

  return new Promise((resolve) => {
    let done = false;
    const finish = (r: Result<UploadDone, CityError>): void => {
      if (done) return;
      done = true;
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const upload = new Upload(data, {
      endpoint: `${conn.baseUrl}/uploads`,
      uploadUrl: opts.uploadUrl ?? null,
      metadata: { dossierId, componentId: file.componentId, fileName: file.fileName, mediaType: file.mediaType, sha256: file.sha256 },
      chunkSize: chunkBytes,
      retryDelays: null,
      httpStack: stack,
      storeFingerprintForResuming: false,
      onUploadUrlAvailable: () => {
        if (upload.url) opts.onUploadUrl?.(upload.url);
      },
      onProgress: (bytesSent, bytesTotal) => opts.onProgress?.({ sha256: file.sha256, bytesSent, bytesTotal, wireBytes: stack.bytesSent }),
      onSuccess: () => finish(upload.url ? ok({ uploadUrl: upload.url, bytesSent: stack.bytesSent }) : err(cityProtocol('tus finished without an upload URL'))),
      onError: (e) => finish(err(cityErrorFromTus(e, file.sha256))),
    });
    const onAbort = (): void => {
      // abort() stops tus silently (no onError), so the answer is given here
      void upload.abort();
      finish(err(cityAborted()));
    };
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    upload.start();
  });
}

function cityErrorFromTus(e: Error, sha256: string): CityError {
  if (e instanceof DetailedError) {
    if (e.causingError instanceof CityTransportFailure) return e.causingError.cityError;
    const res = e.originalResponse;
    if (res instanceof CityTusResponse) {
      const { status, headers, body } = res.raw;
      // 409 wrong offset, 423 locked: another PATCH was still in flight; the next try HEADs afresh
      if (status === 409 || status === 423) return { kind: 'CityBusy', retryable: true, status: 409, message: `tus: HTTP ${status} ${e.message}` };
      // the upload vanished (expired): the remedy is the same as for a missing attachment
      if (status === 404 || status === 410) return { kind: 'CityMissingUploads', retryable: true, missing: [sha256], message: `tus: HTTP ${status}, the upload is gone` };
      if (status >= 200 && status < 300) return cityProtocol(e.message);
      return cityErrorFromStatus(status, headers, body);
    }
  }
  return cityProtocol(e.message);
}
