package com.yieldpilot.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.support.SignedIn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The guardrail admin service on the running application: the shipped files loaded and
 * active, saving only what compiles, activation atomic and versioned, the kill switch
 * stored, every change audit-logged, and farmers refused.
 */
class GuardrailsAdminIT extends ApplicationIT {

	private static final String EXTRA_RULE = """
			package com.yieldpilot.guardrails;

			import com.yieldpilot.execution.internal.facts.ActionFact;
			import com.yieldpilot.execution.internal.facts.IntentFact;

			rule "No deposits"
			when
			    $intent : IntentFact()
			    ActionFact( kind == "DEPOSIT" )
			then
			    $intent.block("deposits are paused");
			end
			""";

	@Autowired
	Guardrails guardrails;

	@Autowired
	ObjectProvider<SecurityContextHolderStrategy> strategy;

	@Autowired
	JdbcClient jdbc;

	private SignedIn signedIn;

	private String admin;

	@BeforeEach
	void signIn() {
		this.signedIn = new SignedIn(this.accounts, this.strategy);
		this.admin = credentials().adminUsername();
	}

	@Test
	void theShippedGuardrailsAreLoadedOnceAndActive() {
		GuardrailStatus status = asAdmin(this.guardrails::status);

		assertThat(status.activeVersion()).isNotNull();
		assertThat(audits("execution.guardrails.loaded")).isEqualTo(1);
		GuardrailSet shipped = asAdmin(() -> this.guardrails.version(1)).orElseThrow();
		assertThat(shipped.origin()).isEqualTo(GuardrailSet.Origin.FILE);
		assertThat(shipped.files()).containsOnlyKeys("drawdown.drl", "max-share.drl", "risk-ceiling.drl",
				"stale-data.drl");
	}

	@Test
	void aFarmerCannotReadOrChangeTheGuardrailsOrTheKillSwitch() {
		String farmer = credentials().farmerUsername();
		int versions = asAdmin(this.guardrails::count);
		Map<String, String> files = activeFiles();

		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.signedIn.as(farmer, this.guardrails::status));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.signedIn.as(farmer, () -> this.guardrails.save(files, "mine now")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.signedIn.as(farmer, () -> this.guardrails.activate(1, null)));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> this.signedIn.as(farmer, () -> this.guardrails.setKillSwitch(true, "mine")));

		assertThat(asAdmin(this.guardrails::count)).isEqualTo(versions);
		assertThat(asAdmin(this.guardrails::killSwitch).engaged()).isFalse();
	}

	@Test
	void aSetThatDoesNotCompileIsRefusedWithItsPositionsAndNothingIsSaved() {
		int versions = asAdmin(this.guardrails::count);
		Map<String, String> files = activeFiles();
		files.put("broken.drl", EXTRA_RULE.replace("$intent.block", "$intent.blok"));

		List<GuardrailProblem> problems = asAdmin(() -> this.guardrails.check(files));

		assertThat(problems).singleElement().satisfies(problem -> {
			assertThat(problem.file()).isEqualTo("broken.drl");
			assertThat(problem.line()).isEqualTo(11);
			assertThat(problem.column()).isEqualTo(5);
		});
		assertThatExceptionOfType(GuardrailRejectedException.class)
			.isThrownBy(() -> asAdmin(() -> this.guardrails.save(files, "broken")))
			.satisfies(ex -> assertThat(ex.problems()).isEqualTo(problems));
		assertThat(asAdmin(this.guardrails::count)).isEqualTo(versions);
	}

	@Test
	void aSavedVersionRunsOnlyOnceActivatedAndActivationNamesTheVersionSeen() {
		Integer before = asAdmin(this.guardrails::status).activeVersion();
		Map<String, String> files = activeFiles();
		files.put("no-deposits.drl", EXTRA_RULE);
		try {
			GuardrailSet saved = asAdmin(() -> this.guardrails.save(files, "pause deposits"));

			assertThat(saved.version()).isGreaterThan(before);
			assertThat(saved.origin()).isEqualTo(GuardrailSet.Origin.ADMIN);
			assertThat(asAdmin(this.guardrails::status).activeVersion()).as("saving activates nothing")
				.isEqualTo(before);

			GuardrailStatus activated = asAdmin(() -> this.guardrails.activate(saved.version(), before));

			assertThat(activated.activeVersion()).isEqualTo(saved.version());
			assertThatExceptionOfType(GuardrailConflictException.class)
				.isThrownBy(() -> asAdmin(() -> this.guardrails.activate(before, before)))
				.withMessageContaining("was activated since you looked");
			assertThat(asAdmin(this.guardrails::status).activeVersion()).isEqualTo(saved.version());
			assertThat(audits("execution.guardrails.saved", "guardrails v" + saved.version())).isEqualTo(1);
			assertThat(audits("execution.guardrails.activated", "guardrails v" + saved.version())).isEqualTo(1);
			assertThat(adminAudits("execution.guardrails.activated", "guardrails v" + saved.version())).isEqualTo(1);
		}
		finally {
			Integer now = asAdmin(this.guardrails::status).activeVersion();
			asAdmin(() -> this.guardrails.activate(before, now));
		}
	}

	@Test
	void ofTwoAdminsActivatingAtOnceFromTheSameVersionExactlyOneWins() throws Exception {
		Integer before = asAdmin(this.guardrails::status).activeVersion();
		Map<String, String> files = activeFiles();
		GuardrailSet first = asAdmin(() -> this.guardrails.save(files, "first"));
		GuardrailSet second = asAdmin(() -> this.guardrails.save(files, "second"));
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> attempts = new ArrayList<>();
			for (GuardrailSet set : List.of(first, second)) {
				attempts.add(threads.submit((Callable<Boolean>) () -> {
					start.await();
					try {
						asAdmin(() -> this.guardrails.activate(set.version(), before));
						return true;
					}
					catch (GuardrailConflictException ex) {
						return false;
					}
				}));
			}
			start.countDown();
			List<Boolean> won = new ArrayList<>();
			for (Future<Boolean> attempt : attempts) {
				won.add(attempt.get());
			}

			assertThat(won).containsExactlyInAnyOrder(true, false);
			int winner = won.get(0) ? first.version() : second.version();
			assertThat(asAdmin(this.guardrails::status).activeVersion()).isEqualTo(winner);
		}
		finally {
			threads.shutdownNow();
			Integer now = asAdmin(this.guardrails::status).activeVersion();
			asAdmin(() -> this.guardrails.activate(before, now));
		}
	}

	@Test
	void theKillSwitchIsStoredWithItsReasonAndAudited() {
		try {
			assertThatExceptionOfType(IllegalArgumentException.class)
				.isThrownBy(() -> asAdmin(() -> this.guardrails.setKillSwitch(true, "  ")))
				.withMessageContaining("Say why");
			KillSwitch on = asAdmin(() -> this.guardrails.setKillSwitch(true, "exploit\non Base"));

			assertThat(on.engaged()).isTrue();
			assertThat(on.reason()).isEqualTo("exploit on Base");
			assertThat(on.changedBy()).isEqualTo(this.accounts.findByUsername(this.admin).orElseThrow().id());
			assertThat(asAdmin(this.guardrails::status).killSwitch()).isEqualTo(on);
			assertThat(adminAudits("execution.kill-switch.engaged", "kill switch")).isPositive();
		}
		finally {
			KillSwitch off = asAdmin(() -> this.guardrails.setKillSwitch(false, null));
			assertThat(off.engaged()).isFalse();
		}
		assertThat(adminAudits("execution.kill-switch.released", "kill switch")).isPositive();
	}

	private Map<String, String> activeFiles() {
		GuardrailStatus status = asAdmin(this.guardrails::status);
		return new LinkedHashMap<>(
				asAdmin(() -> this.guardrails.version(status.activeVersion())).orElseThrow().files());
	}

	private <T> T asAdmin(java.util.function.Supplier<T> call) {
		return this.signedIn.as(this.admin, call);
	}

	private int audits(String action) {
		return this.jdbc.sql("select count(*) from audit_log where action = ?")
			.param(action)
			.query(Integer.class)
			.single();
	}

	private int audits(String action, String subject) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and subject = ?")
			.params(action, subject)
			.query(Integer.class)
			.single();
	}

	private int adminAudits(String action, String subject) {
		return this.jdbc.sql("select count(*) from audit_log where action = ? and subject = ? and actor_id = ?")
			.params(action, subject, this.accounts.findByUsername(this.admin).orElseThrow().id().value())
			.query(Integer.class)
			.single();
	}

}
