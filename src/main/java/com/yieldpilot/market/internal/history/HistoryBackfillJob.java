package com.yieldpilot.market.internal.history;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/**
 * Runs the history backfill; thin, never concurrent, one node per fire in a cluster, so
 * DefiLlama sees one request at a time from the whole cluster.
 */
@DisallowConcurrentExecution
public class HistoryBackfillJob implements Job {

	/** The job's key in the scheduler. */
	public static final JobKey KEY = JobKey.jobKey("market-backfill", "market");

	private final HistoryBackfill backfill;

	HistoryBackfillJob(HistoryBackfill backfill) {
		this.backfill = backfill;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.backfill.run();
	}

}
