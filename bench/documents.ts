/**
 * Documents: PDF render time per final document (`benchRender`) and archive throughput through the
 * SharePoint archive against the fake Graph (`benchArchive`).
 */
import { benchRender } from './render-document.js';
import { benchArchive, type BenchResult } from './archive-throughput.js';
import { createGraphClient } from '../src/graph/client.js';
import { archiveColumns, SharePointArchive } from '../src/graph/sharepoint-archive.js';
import { reflectionDocumentInput, vitalityDocumentInput } from '../tests/fixtures/documents.js';
import { FakeGraph } from '../tests/support/fake-graph.js';

/** Mean milliseconds per rendered document over `iterations` renders. */
export async function benchPdf(iterations: number): Promise<number> {
  return benchRender(iterations, [vitalityDocumentInput(), reflectionDocumentInput()]);
}

/**
 * Archives `documents` approved documents (PDF + JSON sidecar, columns, label, permissions) through the real
 * `SharePointArchive` and Graph SDK client against the in-process fake Graph. The fake intercepts fetch in this
 * process while it runs, so nothing else may call HTTP meanwhile.
 */
export async function benchSharePoint(
  documents: number,
  options: { pdfBytes: number; concurrency: number },
): Promise<BenchResult> {
  const fake = new FakeGraph();
  fake.listen();
  try {
    fake.addDrive('personnel', [...archiveColumns]);
    fake.addDrive('confidential', [...archiveColumns]);
    const client = createGraphClient({
      authProvider: { getAccessToken: async () => 'app-token' },
      retryDelayScale: 0.01,
      retryDelaySeconds: 1,
      maxRetries: 10,
      timeoutMs: 10_000,
    });
    const archive = new SharePointArchive({
      client,
      driveId: 'personnel',
      rootFolder: 'Personeelsdossiers',
      hrGroupId: 'hr-group',
      access: { hrGroup: true, employee: true },
      retentionLabel: 'Personeelsdossier 7 jaar',
      confidential: { driveId: 'confidential', rootFolder: 'Vitaliteitsgesprekken' },
    });
    return await benchArchive(documents, {
      archive,
      pdfBytes: options.pdfBytes,
      concurrency: options.concurrency,
      employees: 20,
    });
  } finally {
    fake.close();
  }
}
