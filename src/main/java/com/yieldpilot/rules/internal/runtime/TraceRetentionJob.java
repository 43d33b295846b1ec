package com.yieldpilot.rules.internal.runtime;

import java.time.Clock;

import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.store.TraceStore;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes traces older than {@code yieldpilot.rules.trace-retention}, once a day. */
@DisallowConcurrentExecution
class TraceRetentionJob implements Job {

	private static final Logger log = LoggerFactory.getLogger(TraceRetentionJob.class);

	private final TraceStore traces;

	private final RuntimeProperties runtime;

	private final Clock clock;

	TraceRetentionJob(TraceStore traces, RuntimeProperties runtime, Clock clock) {
		this.traces = traces;
		this.runtime = runtime;
		this.clock = clock;
	}

	@Override
	public void execute(JobExecutionContext context) {
		int deleted = this.traces.deleteBefore(this.clock.instant().minus(this.runtime.traceRetention()));
		log.info("Deleted {} rule traces older than {}", deleted, this.runtime.traceRetention());
	}

}
