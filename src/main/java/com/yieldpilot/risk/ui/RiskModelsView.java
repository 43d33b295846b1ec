package com.yieldpilot.risk.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.DetachEvent;
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
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import com.vaadin.flow.shared.Registration;
import com.yieldpilot.risk.IncidentImport;
import com.yieldpilot.risk.KnownIncidents;
import com.yieldpilot.risk.ModelVersion;
import com.yieldpilot.risk.RiskModels;
import com.yieldpilot.risk.TrainingProgress;
import com.yieldpilot.risk.internal.model.HistoryFormatException;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

/**
 * For admins: the risk model registry (versions, their validation metrics and why each
 * was promoted or rejected), a version's reliability diagram, the drift of live features
 * from the promoted model's training data, retraining on the stored history with its
 * progress, and the incident list the model reads, with its import. While a retraining
 * runs the page polls every second; the work runs on a background thread.
 */
@Route("risk-models")
@PageTitle("Risk models · YieldPilot")
@Menu(order = 86, icon = "vaadin:scale", title = "Risk models")
@RolesAllowed("ADMIN")
class RiskModelsView extends VerticalLayout {

	private final RiskModels models;

	private final Grid<ModelVersion> grid = new Grid<>();

	private final Span step = new Span();

	private final ProgressBar bar = new ProgressBar(0, 1);

	private final Paragraph drift = new Paragraph();

	private final Button retrain = new Button("Retrain now");

	final ReliabilityChart reliability = new ReliabilityChart();

	private final Paragraph reliabilityCaption = new Paragraph();

	/** The version whose reliability diagram shows; null follows the promoted one. */
	private @Nullable Integer chosen;

	/** The version drawn last, so the page's polling does not resend the same bins. */
	private @Nullable Integer drawn;

	private @Nullable Registration polling;

	/** Incident lists larger than this are refused by the browser already. */
	static final int MAX_INCIDENT_BYTES = 20 << 20;

	private final Paragraph incidents = new Paragraph();

	private final Upload incidentUpload;

	private final Pre incidentReport = new Pre();

	private volatile @Nullable UI ui;

	RiskModelsView(RiskModels models) {
		this.models = models;
		this.grid.setId("risk-models");
		this.grid.addColumn(v -> "v" + v.version()).setHeader("Version");
		this.grid.addColumn(ModelVersion::status).setHeader("Status");
		this.grid.addColumn(ModelVersion::asOf).setHeader("Data up to");
		this.grid.addColumn(v -> number(v.auc(), "%.3f")).setHeader("AUC");
		this.grid.addColumn(v -> number(v.brier(), "%.4f")).setHeader("Brier");
		this.grid.addColumn(v -> number(v.ece(), "%.3f")).setHeader("ECE");
		this.grid.addColumn(v -> number(v.baseRate(), "%.2f")).setHeader("Base rate");
		this.grid.addColumn(v -> v.trainRows() + " / " + v.validationRows()).setHeader("Rows (train / valid.)");
		this.grid.addColumn(ModelVersion::decision).setHeader("Decision").setFlexGrow(3);
		this.grid.setAllRowsVisible(true);
		this.grid.addItemClickListener(e -> {
			this.chosen = e.getItem().version();
			showReliability(this.models.versions());
		});
		this.grid.addClassName("clickable-rows");
		this.reliability.setId("risk-reliability");
		this.reliabilityCaption.setId("risk-reliability-caption");
		this.step.setId("risk-training-step");
		this.drift.setId("risk-drift");
		this.retrain.setId("risk-retrain");
		this.retrain.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.retrain.addClickListener(e -> {
			this.models.retrain();
			refresh();
		});
		this.incidents.setId("risk-incidents");
		this.incidentUpload = new Upload(UploadHandler.inMemory((metadata, bytes) -> importIncidents(bytes)));
		this.incidentUpload.setId("risk-incidents-upload");
		this.incidentUpload.setMaxFiles(1);
		this.incidentUpload.setMaxFileSize(MAX_INCIDENT_BYTES);
		this.incidentUpload.setAcceptedFileTypes(".json", "application/json");
		this.incidentUpload
			.setDropLabel(new Span("DeFiHackLabs' incidents.json: date, name, type, Lost, lossType, chain"));
		this.incidentReport.setId("risk-incidents-report");
		this.incidentReport.getStyle().set("white-space", "pre-wrap");
		addAttachListener(e -> this.ui = e.getUI());
		addDetachListener(e -> this.ui = null);
		add(new H2("Risk models"), new Paragraph("Scores are served by the promoted version; until one exists a "
				+ "documented heuristic scores, labelled \"heuristic\". A new version is promoted only if it is not "
				+ "worse than the promoted one on the same validation window."), this.retrain, this.step, this.bar,
				new H3("Drift"), this.drift, new H3("Versions"), this.grid, new H3("Calibration"),
				this.reliabilityCaption, this.reliability, new H3("Incidents"), this.incidents, this.incidentUpload,
				this.incidentReport);
		refresh();
	}

	@Override
	protected void onAttach(AttachEvent event) {
		event.getUI().setPollInterval(1000);
		this.polling = event.getUI().addPollListener(e -> refresh());
	}

	@Override
	protected void onDetach(DetachEvent event) {
		event.getUI().setPollInterval(-1);
		if (this.polling != null) {
			this.polling.remove();
			this.polling = null;
		}
	}

	private void refresh() {
		TrainingProgress progress = this.models.progress();
		this.retrain.setEnabled(!progress.running());
		this.bar.setValue(Math.max(0, Math.min(1, progress.fraction())));
		this.bar.setVisible(progress.running());
		this.step.setText(progress.running() ? progress.step() : (progress.outcome() != null)
				? "Last retraining: " + progress.outcome() : "No retraining on this node yet.");
		RiskModels.Drift drift = this.models.drift();
		this.drift.setText(drift(drift));
		this.incidents.setText(incidents(this.models.knownIncidents()));
		List<ModelVersion> versions = this.models.versions();
		this.grid.setItems(versions);
		showReliability(versions);
	}

	/**
	 * The reliability diagram of the chosen version, or of the promoted one (else the
	 * newest) until a row is chosen.
	 */
	private void showReliability(List<ModelVersion> versions) {
		Optional<ModelVersion> shown = versions.stream()
			.filter(v -> (this.chosen != null) ? v.version() == this.chosen : "PROMOTED".equals(v.status()))
			.findFirst()
			.or(() -> versions.stream().findFirst());
		if (shown.isEmpty()) {
			this.reliabilityCaption
				.setText("No model version yet: the reliability diagram appears after the first " + "retraining.");
			this.reliability.setVisible(false);
			this.drawn = null;
			return;
		}
		ModelVersion v = shown.get();
		if (this.drawn != null && this.drawn == v.version()) {
			return;
		}
		this.drawn = v.version();
		String window = (v.validateFrom() != null) ? " on " + v.validateFrom() + " to " + v.validateTo() : "";
		String twin = (v.validatedAsOf() != null) ? " Validated as trained with data up to " + v.validatedAsOf()
				+ ", before these outcomes were known; the version scores as refitted with data up to " + v.asOf() + "."
				: "";
		this.reliabilityCaption.setText("v" + v.version() + window + ": mean score against the observed adverse rate "
				+ "in ten score bins of the validation pool-days (ECE " + number(v.ece(), "%.3f")
				+ "); on the dashed diagonal a score of 0.3 means 30 %." + twin
				+ " Choose a version above to see its diagram.");
		this.reliability.setVisible(true);
		this.reliability.setBins("v" + v.version() + window, v.reliability());
	}

	/**
	 * On the upload's request thread: the import runs there; the page's polling shows the
	 * result.
	 */
	private void importIncidents(byte[] json) {
		UI ui = this.ui;
		String shown;
		boolean imported;
		try {
			IncidentImport result = this.models.importIncidents(json);
			shown = String.format(Locale.ROOT, "%d incidents read, %d new, %d known.", result.read(), result.added(),
					result.known());
			imported = true;
		}
		catch (HistoryFormatException ex) {
			shown = "Nothing was imported:\n" + String.join("\n", ex.problems());
			imported = false;
		}
		if (ui != null) {
			String text = shown;
			boolean ok = imported;
			ui.access(() -> {
				this.incidentReport.setText(text);
				// one file at a time: the next upload needs the list empty again
				this.incidentUpload.clearFileList();
				Notification notification = Notification
					.show(ok ? "Incident list imported." : "The incident list was not imported.");
				notification.addThemeVariants(ok ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_ERROR);
			});
		}
	}

	private static String incidents(KnownIncidents known) {
		if (known.count() == 0) {
			return "No incident list imported: the model's incident features (DeFi-wide incidents and losses, a "
					+ "protocol's own record) are unknown. Import DeFiHackLabs' incidents.json below.";
		}
		return known.count() + " incidents known, the newest on " + known.newest() + " (" + known.newestName()
				+ "). Scoring and retraining read them; importing a newer list adds only its new entries.";
	}

	private static String drift(RiskModels.Drift drift) {
		if (drift.modelVersion() == null || drift.psi().isEmpty()) {
			return "No model has scored on this node yet.";
		}
		String top = drift.psi()
			.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
			.limit(5)
			.map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.2f", e.getValue()))
			.collect(Collectors.joining(", "));
		return (drift.drifting() ? "Drifting: live features moved away from v" : "Stable against v")
				+ drift.modelVersion() + "'s training data (PSI above 0.25 drifts). Largest PSI: " + top;
	}

	private static String number(@Nullable Double value, String format) {
		return (value == null) ? "—" : String.format(Locale.ROOT, format, value);
	}

}
