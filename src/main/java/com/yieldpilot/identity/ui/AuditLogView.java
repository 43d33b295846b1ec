package com.yieldpilot.identity.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.yieldpilot.identity.AuditEntry;
import com.yieldpilot.identity.AuditLog;
import jakarta.annotation.security.RolesAllowed;

/** For admins: the audit log, newest first, loaded page by page. */
@Route("audit")
@PageTitle("Audit log · YieldPilot")
@Menu(order = 91, icon = "vaadin:records", title = "Audit log")
@RolesAllowed("ADMIN")
class AuditLogView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	AuditLogView(AuditLog auditLog) {
		Grid<AuditEntry> grid = new Grid<>();
		grid.setId("audit-log");
		grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader("When").setAutoWidth(true);
		grid.addColumn(AuditEntry::action).setHeader("Action").setAutoWidth(true);
		grid.addColumn(AuditEntry::subject).setHeader("Subject").setFlexGrow(2);
		grid.addColumn(e -> (e.actor() != null) ? e.actor().toString() : "system").setHeader("Actor");
		grid.addColumn(e -> (e.detail() != null) ? e.detail() : "").setHeader("Detail").setFlexGrow(2);
		grid.setItems(query -> auditLog.page(query.getOffset(), query.getLimit()).stream(), query -> auditLog.count());
		add(new H2("Audit log"), grid);
		setSizeFull();
	}

}
