package com.yieldpilot.shell;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.platform.scheduling.ClusterCheckins;
import com.yieldpilot.platform.scheduling.ClusterCheckins.ClusterNode;
import jakarta.annotation.security.RolesAllowed;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

/** For admins: the nodes of the scheduler cluster and when each last checked in. */
@Route("system")
@PageTitle("System · YieldPilot")
@Menu(order = 90, icon = "vaadin:server", title = "System")
@RolesAllowed("ADMIN")
class SystemView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	SystemView(ClusterCheckins checkins, Scheduler scheduler, Clock clock) throws SchedulerException {
		String self = scheduler.getSchedulerInstanceId();
		Grid<ClusterNode> nodes = new Grid<>();
		nodes.setId("cluster-nodes");
		nodes.addColumn(n -> n.instanceId() + (n.instanceId().equals(self) ? " (this node)" : ""))
			.setHeader("Scheduler instance")
			.setFlexGrow(2);
		nodes.addColumn(n -> TIME.format(n.lastCheckin())).setHeader("Last check-in");
		nodes.addColumn(n -> Duration.between(n.lastCheckin(), clock.instant()).toSeconds() + " s ago")
			.setHeader("Age");
		nodes.addColumn(n -> n.checkinIntervalMillis() / 1000 + " s").setHeader("Interval");
		// one row per node: a handful at most, so the list is loaded whole
		nodes.setItems(checkins.nodes(scheduler.getSchedulerName()));
		nodes.setAllRowsVisible(true);
		add(new H2("Scheduler cluster"),
				new Paragraph("Every node shares one Quartz job store in PostgreSQL. A node that misses its check-in "
						+ "for long is declared failed by the others, which take over its jobs."),
				nodes);
	}

}
