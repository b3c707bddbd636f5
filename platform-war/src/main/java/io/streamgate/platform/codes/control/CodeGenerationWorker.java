package io.streamgate.platform.codes.control;

import io.streamgate.common.Spec;
import io.streamgate.platform.codes.control.CodeGenerationJobs.Job;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Runs a generation job on a container thread, one transaction per batch of {@link
 * Spec#MAX_BATCH_CODES}: the batches already committed stay when a later one fails. (An EJB
 * asynchronous method rather than a bare ManagedExecutorService task: the container then also
 * cleans up the persistence contexts the batches used.)
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CodeGenerationWorker {

  @Inject CodeIssuance issuance;

  @Asynchronous
  public void run(Job job, String label, String actor, String ip) {
    try {
      while (job.done() < job.total()) {
        int batch = Math.min(Spec.MAX_BATCH_CODES, job.total() - job.done());
        issuance.generate(job.eventId(), batch, label, actor, ip);
        job.advance(batch);
      }
    } catch (RuntimeException e) {
      job.fail(e.getMessage() == null ? "Generating codes failed." : e.getMessage());
    } finally {
      job.finish();
    }
  }
}
