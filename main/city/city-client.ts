import { z } from 'zod';
import { DossierCreated, DossierStatus, ProcedureList } from '../../common/city/city-contract.js';
import { ok } from '../../common/result.js';
import type { CityClient } from './city-client-types.js';
import { openCityConnection, type CityClientOptions } from './city-connection.js';
import { cityRequest } from './http-client.js';
import { DEFAULT_CHUNK_BYTES, uploadAttachment } from './upload-attachment.js';

// Every operation of the city intake contract (../shared/city-api/openapi.yaml).

export type { CityAuth, CityClientOptions, Pem } from './city-connection.js';

export interface ClosableCityClient extends CityClient {
  /** drops the keep-alive sockets (shutdown, tests) */
  close(): void;
}

const seg = encodeURIComponent;

export function createCityClient(opts: CityClientOptions): ClosableCityClient {
  const conn = openCityConnection(opts);
  const chunkBytes = opts.uploadChunkBytes ?? DEFAULT_CHUNK_BYTES;
  return {
    async createDossier(idempotencyKey, body) {
      const r = await cityRequest(conn, { method: 'POST', path: '/dossiers', idempotencyKey, json: body }, [200, 201], DossierCreated);
      return r.ok ? ok(r.value.value) : r;
    },

    uploadAttachment: (dossierId, file, o) => uploadAttachment(conn, chunkBytes, dossierId, file, o),

    async submitDossier(idempotencyKey, dossierId) {
      const path = `/dossiers/${seg(dossierId)}/submit`;
      const r = await cityRequest(conn, { method: 'POST', path, idempotencyKey, json: {} }, [200], DossierStatus);
      return r.ok ? ok(r.value.value) : r;
    },

    async getStatus(dossierCode) {
      const r = await cityRequest(conn, { method: 'GET', path: `/dossiers/${seg(dossierCode)}` }, [200], DossierStatus);
      return r.ok ? ok(r.value.value) : r;
    },

    async findByLocalCode(localCode) {
      const r = await cityRequest(conn, { method: 'GET', path: '/dossiers', query: { localCode } }, [200], DossierStatus);
      return r.ok ? ok(r.value.value) : r;
    },

    async rateDossier(idempotencyKey, dossierCode, rating) {
      const path = `/dossiers/${seg(dossierCode)}/ratings`;
      // the contract gives 201/200 no body schema; whatever comes is ignored
      const r = await cityRequest(conn, { method: 'POST', path, idempotencyKey, json: rating }, [200, 201], z.unknown());
      return r.ok ? ok({ replay: r.value.status === 200 }) : r;
    },

    async listProcedures(since) {
      const r = await cityRequest(conn, { method: 'GET', path: '/procedures', query: { since } }, [200], ProcedureList);
      return r.ok ? ok(r.value.value) : r;
    },

    close: () => conn.agent.destroy(),
  };
}
