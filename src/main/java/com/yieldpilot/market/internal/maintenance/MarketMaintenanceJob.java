package com.yieldpilot.market.internal.maintenance;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Runs the time series housekeeping; thin, never concurrent, one node per fire in a
 * cluster.
 */
@DisallowConcurrentExecution
public class MarketMaintenanceJob implements Job {

	private final MarketMaintenance maintenance;

	MarketMaintenanceJob(MarketMaintenance maintenance) {
		this.maintenance = maintenance;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.maintenance.run();
	}

}
