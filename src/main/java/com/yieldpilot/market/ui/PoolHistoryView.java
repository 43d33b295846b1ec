package com.yieldpilot.market.ui;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.yieldpilot.market.BackfillStatus;
import com.yieldpilot.market.HistoryImportReport;
import com.yieldpilot.market.MarketHistory;
import com.yieldpilot.shared.PoolId;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * For admins: a pool's past. Backfill it from DefiLlama (queued ahead of the automatic
 * backfills, fetched in the background) or import a history file in DefiLlama's chart
 * shape; see how the backfills fare.
 */
@Route("pool-history")
@PageTitle("Pool history · YieldPilot")
@Menu(order = 85, icon = "vaadin:time-backward", title = "Pool history")
@RolesAllowed("ADMIN")
class PoolHistoryView extends VerticalLayout {

	/** Uploads larger than this are refused by the browser already. */
	static final int MAX_UPLOAD_BYTES = 20 << 20;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final MarketHistory history;

	final TextField pool = new TextField("Pool");

	final Button backfill = new Button("Backfill from DefiLlama");

	final Paragraph counts = new Paragraph();

	final Grid<BackfillStatus> failures = new Grid<>();

	final Pre report = new Pre();

	private final Upload upload;

	/**
	 * The pool the next upload goes to: uploads arrive on a request thread of their own,
	 * which must not read the field.
	 */
	private volatile String uploadPool = "";

	private volatile @Nullable UI ui;

	PoolHistoryView(MarketHistory history) {
		this.history = history;
		addAttachListener(e -> this.ui = e.getUI());
		addDetachListener(e -> this.ui = null);
		this.pool.setId("history-pool");
		this.pool.setPlaceholder("e.g. aave-v3:base:USDC");
		this.pool.setWidth("28em");
		this.pool.addValueChangeListener(e -> {
			this.uploadPool = e.getValue().strip();
			this.pool.setInvalid(false);
		});

		this.backfill.setId("backfill-pool");
		this.backfill.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.backfill.addClickListener(e -> requestBackfill());
		Paragraph off = new Paragraph("This server does not read DefiLlama (yieldpilot.market.defillama.enabled), "
				+ "so it backfills nothing; import files instead.");
		off.setVisible(!history.backfillAvailable());
		this.backfill.setEnabled(history.backfillAvailable());

		this.counts.setId("backfill-counts");
		this.failures.setId("backfill-failures");
		this.failures.addColumn(s -> s.pool().toString()).setHeader("Pool").setFlexGrow(2);
		this.failures.addColumn(BackfillStatus::attempts).setHeader("Attempts");
		this.failures.addColumn(s -> time(s.lastAttemptAt())).setHeader("Last attempt (UTC)");
		this.failures.addColumn(s -> time(s.nextAttemptAt())).setHeader("Next attempt (UTC)");
		this.failures.addColumn(s -> (s.lastError() != null) ? s.lastError() : "").setHeader("Error").setFlexGrow(3);
		this.failures.setAllRowsVisible(true);

		this.upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importFile(metadata.fileName(), bytes)));
		this.upload.setId("history-upload");
		this.upload.setMaxFiles(1);
		this.upload.setMaxFileSize(MAX_UPLOAD_BYTES);
		this.upload.setAcceptedFileTypes(".csv", ".json", ".gz", "text/csv", "application/json", "application/gzip");
		this.upload.setDropLabel(
				new Span("CSV or JSON in DefiLlama's chart shape: timestamp, tvlUsd, apy, apyBase, apyReward"));
		this.report.setId("import-report");
		this.report.getStyle().set("white-space", "pre-wrap");

		add(new H2("Pool history"), this.pool, new H3("Backfill from DefiLlama"), off, this.backfill, this.counts,
				this.failures, new H3("Import a history file"), this.upload, this.report);
		reload();
	}

	private void requestBackfill() {
		Optional<PoolId> id = PoolId.tryParse(this.pool.getValue());
		if (id.isEmpty()) {
			invalid("A pool id reads protocol:chain:asset, e.g. aave-v3:base:USDC.");
			return;
		}
		try {
			BackfillStatus status = this.history.requestBackfill(id.get());
			Notification.show("Backfill of " + status.pool() + " queued; its history arrives in the background.");
			reload();
		}
		catch (IllegalArgumentException | IllegalStateException ex) {
			invalid(ex.getMessage());
		}
	}

	/**
	 * On the upload's request thread: the import runs there, the screen is updated by
	 * push.
	 */
	private void importFile(String fileName, byte[] bytes) {
		UI ui = this.ui;
		String target = this.uploadPool;
		String shown;
		boolean imported;
		try {
			HistoryImportReport result = this.history.importHistory(target, fileName, new ByteArrayInputStream(bytes));
			shown = String.join("\n", result.lines());
			imported = result.imported();
		}
		catch (IllegalArgumentException ex) {
			shown = ex.getMessage();
			imported = false;
		}
		if (ui != null) {
			String text = shown;
			boolean ok = imported;
			ui.access(() -> {
				this.report.setText(text);
				// one file at a time: the next upload needs the list empty again
				this.upload.clearFileList();
				Notification notification = Notification.show(ok ? "History imported." : "Nothing was imported.");
				notification.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
			});
		}
	}

	private void invalid(@Nullable String message) {
		this.pool.setErrorMessage(message);
		this.pool.setInvalid(true);
	}

	private void reload() {
		Map<BackfillStatus.State, Integer> counts = this.history.backfillCounts();
		this.counts.setText("Backfills: " + counts.get(BackfillStatus.State.PENDING) + " queued, "
				+ counts.get(BackfillStatus.State.DONE) + " done, " + counts.get(BackfillStatus.State.FAILED)
				+ " failed (retried later; the latest failures below).");
		var failed = this.history.failedBackfills(50);
		this.failures.setItems(failed);
		this.failures.setVisible(!failed.isEmpty());
	}

	private static String time(@Nullable Instant at) {
		return (at != null) ? TIME.format(at) : "—";
	}

}
