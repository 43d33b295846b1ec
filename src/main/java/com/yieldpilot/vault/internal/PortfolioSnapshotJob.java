package com.yieldpilot.vault.internal;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;

/** Snapshots every vault's portfolio; thin, never concurrent, one node per fire. */
@DisallowConcurrentExecution
public class PortfolioSnapshotJob implements Job {

	static final JobKey KEY = JobKey.jobKey("portfolio-snapshot", "vault");

	private final PortfolioService portfolios;

	PortfolioSnapshotJob(PortfolioService portfolios) {
		this.portfolios = portfolios;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.portfolios.snapshotAll();
	}

}
