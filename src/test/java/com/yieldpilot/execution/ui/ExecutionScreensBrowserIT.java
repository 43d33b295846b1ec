package com.yieldpilot.execution.ui;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.execution.ExecutionId;
import com.yieldpilot.execution.Guardrails;
import com.yieldpilot.execution.internal.pipeline.DeferredForTests;
import com.yieldpilot.execution.internal.pipeline.ExecutionStore;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.identity.internal.TokenIssuer;
import com.yieldpilot.market.Metric;
import com.yieldpilot.market.RiskSamples;
import com.yieldpilot.market.Source;
import com.yieldpilot.market.internal.ingest.MarketIngestion;
import com.yieldpilot.rules.RuleId;
import com.yieldpilot.rules.internal.RuntimeProperties;
import com.yieldpilot.rules.internal.runtime.ShardEvaluator;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.BrowserIT;
import com.yieldpilot.support.Samples;
import com.yieldpilot.support.SignedIn;
import com.yieldpilot.support.TestFarmer;
import org.awaitility.core.ConditionTimeoutException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The execution screens in a real Chromium against the running application: the demo
 * farmer's paper execution in the history and its steps (another farmer's is not found),
 * the approvals inbox rejecting and approving, and an action decided elsewhere meanwhile;
 * the admin page with local mode's executor key and another farmer's deferred execution,
 * pausing and resuming all execution. Rules fire on pools of the test's own, and are
 * disabled afterwards.
 */
class ExecutionScreensBrowserIT extends BrowserIT {

	private static final String PASSWORD = "correct horse battery";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	UserAccounts accounts;

	@Autowired
	TokenIssuer issuer;

	@Autowired
	MarketIngestion ingestion;

	@Autowired
	ShardEvaluator evaluator;

	@Autowired
	RuntimeProperties runtime;

	@Autowired
	Guardrails guardrails;

	@Autowired
	ExecutionStore store;

	@Autowired
	RiskSamples riskSamples;

	@Autowired
	ObjectProvider<SecurityContextHolderStrategy> strategy;

	/** Rules to disable after the test, each with its owner's token. */
	private final List<String[]> rules = new ArrayList<>();

	@AfterEach
	void disableRules() {
		for (String[] rule : this.rules) {
			http().post("/api/v1/rules/" + rule[0] + "/disable", rule[1], "");
		}
	}

	@Test
	void theHistoryShowsAPaperExecutionWithItsStepsAndAnotherFarmersIsNotFound() {
		String token = credentials().farmerToken();
		UserId demo = this.accounts.findByUsername(credentials().farmerUsername()).orElseThrow().id();
		String name = "History " + UUID.randomUUID().toString().substring(0, 8);
		String rule = fire(demo, token, name, "");
		JsonNode execution = awaitExecution(token, rule, "PAPER_RECORDED");
		TestFarmer other = TestFarmer.create(this.accounts, this.issuer, "oth");
		String othersRule = fire(other.account().id(), other.token(), "Not yours", "");
		String others = awaitExecution(other.token(), othersRule, "PAPER_RECORDED").get("id").asString();

		logInAsFarmer();
		menu("executions");
		Locator history = this.page.locator("#execution-history");
		PlaywrightAssertions.assertThat(history).containsText(name);
		PlaywrightAssertions.assertThat(history).containsText("paper recorded");
		PlaywrightAssertions.assertThat(row(history, "Not yours")).hasCount(0);

		chooseState("confirmed");
		PlaywrightAssertions.assertThat(row(history, name)).hasCount(0);
		chooseState("paper recorded");
		PlaywrightAssertions.assertThat(row(history, name)).hasCount(1);

		row(history, name).click();
		this.page.waitForURL("**/executions/" + execution.get("id").asString());
		PlaywrightAssertions.assertThat(this.page.locator("#execution-onchain-id"))
			.hasText(execution.get("onchainId").asString());
		Locator steps = this.page.locator("#execution-steps");
		PlaywrightAssertions.assertThat(steps).containsText("queued");
		PlaywrightAssertions.assertThat(steps).containsText("paper recorded");
		PlaywrightAssertions.assertThat(steps).containsText("paper: ");
		PlaywrightAssertions.assertThat(this.page.locator("#execution-rule-trace"))
			.hasAttribute("href", "rules/" + rule);

		this.page.navigate(baseUrl() + "/executions/" + others);
		PlaywrightAssertions.assertThat(this.page.locator("#execution-not-found")).containsText(others);
		PlaywrightAssertions.assertThat(this.page.locator("#execution-steps")).hasCount(0);
	}

	@Test
	void theInboxRejectsApprovesRefusesWhatTheGuardrailsWouldBlockNowAndSaysWhenAnActionNoLongerWaits() {
		TestFarmer farmer = TestFarmer.create(this.accounts, this.issuer, "inb");
		String live = "options mode live, approval required\n";
		String rejected = awaitExecution(farmer.token(), fire(farmer.account().id(), farmer.token(), "Reject me", live),
				"AWAITING_APPROVAL")
			.get("id")
			.asString();
		PoolId risky = pool();
		String approved = awaitExecution(farmer.token(),
				fire(farmer.account().id(), farmer.token(), "Approve me", live, risky), "AWAITING_APPROVAL")
			.get("id")
			.asString();
		String elsewhere = awaitExecution(farmer.token(),
				fire(farmer.account().id(), farmer.token(), "Decided elsewhere", live), "AWAITING_APPROVAL")
			.get("id")
			.asString();

		logIn(farmer.account().username(), PASSWORD);
		menu("approvals");
		Locator inbox = this.page.locator("#approvals");
		PlaywrightAssertions.assertThat(inbox).containsText("Reject me");
		PlaywrightAssertions.assertThat(inbox).containsText("Approve me");
		PlaywrightAssertions.assertThat(inbox).containsText("Decided elsewhere");

		button("reject", rejected).click();
		notified("Rejected");
		PlaywrightAssertions.assertThat(row(inbox, "Reject me")).hasCount(0);
		assertThat(state(farmer.token(), rejected)).isEqualTo("REJECTED");

		// decided through the API while the inbox still shows it
		assertThat(http().post("/api/v1/executions/" + elsewhere + "/reject", farmer.token(), "").statusCode())
			.isEqualTo(200);
		button("approve", elsewhere).click();
		notified("It no longer waits for approval");
		PlaywrightAssertions.assertThat(row(inbox, "Decided elsewhere")).hasCount(0);
		assertThat(state(farmer.token(), elsewhere)).isEqualTo("REJECTED");

		// the target's risk rose while the action waited: the guardrails refuse the
		// approval now, and the action stays in the inbox
		this.riskSamples.record(Map.of(risky, 0.9), Instant.now());
		button("approve", approved).click();
		notified("The guardrails would block it now: " + risky + " has a risk score of 0.90");
		PlaywrightAssertions.assertThat(row(inbox, "Approve me")).hasCount(1);
		assertThat(state(farmer.token(), approved)).isEqualTo("AWAITING_APPROVAL");

		// this farmer has no vault: the approved action runs and stops at planning
		this.riskSamples.record(Map.of(risky, 0.2), Instant.now());
		button("approve", approved).click();
		notified("Approved");
		PlaywrightAssertions.assertThat(row(inbox, "Approve me")).hasCount(0);
		assertThat(state(farmer.token(), approved)).isNotEqualTo("AWAITING_APPROVAL");
	}

	@Test
	void theAdminPageListsTheLocalExecutorKeyAndDeferredExecutionsAndPausesAndResumesAllExecution() {
		SignedIn admin = new SignedIn(this.accounts, this.strategy);
		TestFarmer owner = TestFarmer.create(this.accounts, this.issuer, "def");
		String reason = "the simulation could not reach the chain (connection refused)";
		// a day ahead: the heartbeat does not try it while the page shows it
		Instant retryAt = Instant.now().plus(Duration.ofDays(1));
		ExecutionId deferred = DeferredForTests.create(this.store, owner.account().id(), new RuleId(UUID.randomUUID()),
				"Waiting for the chain", reason, retryAt);
		try {
			logInAsAdmin();
			menu("admin/execution");
			PlaywrightAssertions.assertThat(this.page.locator("#executor-keys"))
				.containsText(DevAccounts.executor().getAddress().toLowerCase(Locale.ROOT));
			PlaywrightAssertions.assertThat(this.page.locator("#executor-keys")).containsText("ETH");
			Locator waiting = this.page.locator("#deferred-executions");
			for (String cell : List.of(deferred.value().toString(), owner.account().username(), "Waiting for the chain",
					reason, ExecutionFormat.time(retryAt))) {
				PlaywrightAssertions.assertThat(row(waiting, cell).first()).isVisible();
			}

			Locator state = this.page.locator("#kill-switch-state");
			PlaywrightAssertions.assertThat(state).containsText("Off");
			this.page.locator("#kill-switch-toggle").click();
			PlaywrightAssertions.assertThat(this.page.locator("#kill-switch-reason"))
				.hasAttribute("invalid", Pattern.compile(".*"));
			this.page.locator("#kill-switch-reason input").fill("browser drill");
			this.page.locator("#kill-switch-toggle").click();
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop everything").setExact(true))
				.click();
			PlaywrightAssertions.assertThat(state).containsText("ON");
			PlaywrightAssertions.assertThat(state).containsText("browser drill");
			assertThat(admin.as(credentials().adminUsername(), () -> this.guardrails.killSwitch()).engaged()).isTrue();

			this.page.reload();
			PlaywrightAssertions.assertThat(state).containsText("ON");
			this.page.locator("#kill-switch-toggle").click();
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Release").setExact(true)).click();
			PlaywrightAssertions.assertThat(state).containsText("Off");
			assertThat(admin.as(credentials().adminUsername(), () -> this.guardrails.killSwitch()).engaged()).isFalse();
		}
		finally {
			DeferredForTests.cancel(this.store, deferred);
			// never leave the shared application paused for the other tests
			admin.run(credentials().adminUsername(), () -> {
				if (this.guardrails.killSwitch().engaged()) {
					this.guardrails.setKillSwitch(false, null);
				}
			});
		}
	}

	/**
	 * The grid's visible cells with the text: a grid keeps removed rows' cells hidden.
	 */
	private static Locator row(Locator grid, String text) {
		return grid.locator("vaadin-grid-cell-content")
			.filter(new Locator.FilterOptions().setHasText(text).setVisible(true));
	}

	/** The row's visible button: the grid keeps re-rendered rows' old cells hidden. */
	private Locator button(String decision, String execution) {
		return this.page.locator("#" + decision + "-" + execution).filter(new Locator.FilterOptions().setVisible(true));
	}

	private void menu(String path) {
		this.page.locator("#navigation vaadin-side-nav-item[path='" + path + "']").click();
		this.page.waitForURL("**/" + path);
	}

	private void notified(String text) {
		PlaywrightAssertions
			.assertThat(this.page.locator("vaadin-notification-card")
				.filter(new Locator.FilterOptions().setHasText(text))
				.first())
			.isVisible();
	}

	private void chooseState(String state) {
		Locator select = this.page.locator("#execution-state-filter");
		// a click while the list is still closing from the last choice is ignored
		PlaywrightAssertions.assertThat(select).not().hasAttribute("closing", java.util.regex.Pattern.compile(".*"));
		select.click();
		// the option is clicked once the list is open, not while it opens
		PlaywrightAssertions.assertThat(select).hasAttribute("opened", java.util.regex.Pattern.compile(".*"));
		this.page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName(state).setExact(true)).click();
		PlaywrightAssertions.assertThat(select).not().hasAttribute("opened", java.util.regex.Pattern.compile(".*"));
		PlaywrightAssertions.assertThat(select).not().hasAttribute("closing", java.util.regex.Pattern.compile(".*"));
		PlaywrightAssertions.assertThat(select).containsText(state);
	}

	/**
	 * Saves a rule that is true now and evaluates its owner's shard; returns its id. Each
	 * rule moves funds of its own: an intent on the same funds would wait for the other.
	 */
	private String fire(UserId owner, String token, String name, String options) {
		return fire(owner, token, name, options, pool());
	}

	/** A rule of the farmer's that moves funds into {@code to}, evaluated at once. */
	private String fire(UserId owner, String token, String name, String options, PoolId to) {
		PoolId from = pool();
		Samples.ingest(this.ingestion, from, Metric.APY, 3.0, Source.SIMULATOR, Instant.now());
		Samples.ingest(this.ingestion, to, Metric.APY, 6.0, Source.SIMULATOR, Instant.now());
		HttpResponse<String> created = http().postText("/api/v1/rules", token, "rule \"" + name + "\"\nwhen\n  apy("
				+ from + ") < 4%\nthen\n  move 50% from " + from + " to " + to + "\n" + options);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String rule = this.json.readTree(created.body()).get("id").asString();
		this.rules.add(new String[] { rule, token });
		this.evaluator.evaluate(this.runtime.shardOf(owner));
		return rule;
	}

	/** The rule's execution once it reached the state, as the API returns it. */
	private JsonNode awaitExecution(String token, String rule, String state) {
		try {
			return await().atMost(Duration.ofSeconds(60))
				.until(() -> execution(token, rule),
						(execution) -> execution != null && execution.get("state").asString().equals(state));
		}
		catch (ConditionTimeoutException ex) {
			// say where it stopped: the rule's traces and what the pipeline made of it
			throw new AssertionError(
					"No execution of rule " + rule + " reached " + state + "; it is " + execution(token, rule)
							+ "; the rule's traces: " + http().get("/api/v1/rules/" + rule + "/traces", token).body(),
					ex);
		}
	}

	private @Nullable JsonNode execution(String token, String rule) {
		HttpResponse<String> list = http().get("/api/v1/executions?limit=500", token);
		assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
		for (JsonNode execution : this.json.readTree(list.body())) {
			if (execution.get("rule").asString().equals(rule)) {
				return execution;
			}
		}
		return null;
	}

	private String state(String token, String execution) {
		HttpResponse<String> found = http().get("/api/v1/executions/" + execution, token);
		assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
		return this.json.readTree(found.body()).get("state").asString();
	}

	private static PoolId pool() {
		return PoolId.parse("ex" + UUID.randomUUID().toString().substring(0, 6) + ":base:USDC");
	}

}
