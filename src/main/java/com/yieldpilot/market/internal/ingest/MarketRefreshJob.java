package com.yieldpilot.market.internal.ingest;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job behind market refreshes: thin, it calls one service. Never concurrent,
 * so a slow refresh is not overtaken by the next; in a cluster, one node runs each fire.
 */
@DisallowConcurrentExecution
class MarketRefreshJob implements Job {

	private final MarketRefresh refresh;

	MarketRefreshJob(MarketRefresh refresh) {
		this.refresh = refresh;
	}

	@Override
	public void execute(JobExecutionContext context) {
		this.refresh.refresh();
	}

}
