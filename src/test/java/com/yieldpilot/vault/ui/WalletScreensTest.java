package com.yieldpilot.vault.ui;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.browserless.ViewPackages;
import com.yieldpilot.vault.ConfirmedCall;
import com.yieldpilot.vault.PreparedCall;
import com.yieldpilot.vault.VaultAsset;
import com.yieldpilot.vault.VaultSetup;
import com.yieldpilot.vault.WalletAction;
import com.yieldpilot.vault.WalletCallException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The wallet parts of the vault page, fed with values instead of a chain and a wallet.
 */
@ViewPackages(classes = VaultDetails.class)
class WalletScreensTest extends BrowserlessTest {

	private static final VaultAsset USDC = new VaultAsset("0x3333333333333333333333333333333333333333", "USDC", 6);

	private static final VaultSetup SETUP = new VaultSetup(31337, "0x2222222222222222222222222222222222222222",
			"0x4444444444444444444444444444444444444444", "0x1111111111111111111111111111111111111111", false,
			List.of(USDC));

	@Test
	void createFormShowsThePredictedAddressAndTurnsItsFieldsIntoARequest() {
		List<Supplier<CreateVaultForm.Request>> asked = new ArrayList<>();
		CreateVaultForm form = new CreateVaultForm(SETUP, asked::add, () -> {
		});
		UI.getCurrent().add(form);
		form.maxPerExecution.setValue(new BigDecimal("1000"));
		form.allowance.setValue(new BigDecimal("5000"));
		form.periodHours.setValue(12);

		test(form.create).click();
		CreateVaultForm.Request request = asked.getFirst().get();

		assertThat(form.predicted.getText()).isEqualTo(SETUP.predictedAddress());
		assertThat(request.asset()).isEqualTo(USDC.address());
		assertThat(request.limits().maxPerExecution()).isEqualByComparingTo("1000");
		assertThat(request.limits().period()).isEqualTo(Duration.ofHours(12));
	}

	@Test
	void createFormTellsWhichFieldToFix() {
		CreateVaultForm form = new CreateVaultForm(SETUP, (request) -> {
		}, () -> {
		});
		form.allowance.setValue(new BigDecimal("5000"));

		assertThatThrownBy(form::request).isInstanceOf(WalletCallException.class)
			.hasMessage("The most one execution may move is required.");
		form.maxPerExecution.setValue(new BigDecimal("1000"));
		form.periodHours.clear();
		assertThatThrownBy(form::request).hasMessageContaining("The period is required");
	}

	@Test
	void anExistingVaultIsOfferedForRecordingInsteadOfCreation() {
		VaultSetup exists = new VaultSetup(SETUP.chainId(), SETUP.wallet(), SETUP.factory(), SETUP.predictedAddress(),
				true, SETUP.assets());
		boolean[] recorded = { false };
		CreateVaultForm form = new CreateVaultForm(exists, (request) -> {
		}, () -> recorded[0] = true);
		UI.getCurrent().add(form);

		test(form.record).click();

		assertThat(recorded[0]).isTrue();
		assertThat(form.create.isAttached()).isFalse();
	}

	@Test
	void callLogShowsThePreparedCallThenItsOutcome() {
		CallLog log = new CallLog();
		PreparedCall call = new PreparedCall(WalletAction.PAUSE, "Pause the vault", 31337, SETUP.wallet(),
				SETUP.predictedAddress(), "0x8456cb59", BigInteger.ZERO, SETUP.predictedAddress());

		log.asking(call);
		assertThat(log.isVisible()).isTrue();
		assertThat(log.call.getText()).contains("to   " + SETUP.predictedAddress()).contains("data 0x8456cb59");
		assertThat(log.status.getText()).isEqualTo("Confirm it in your wallet…");

		log.confirmed(new ConfirmedCall(WalletAction.PAUSE, "0xabc", 12, "Done: Pause the vault (block 12)."));
		assertThat(log.status.getText()).startsWith("Done: Pause the vault").contains("0xabc");
		assertThat(log.status.getElement().getThemeList()).contains("success");

		log.failed("You declined in your wallet; nothing was sent.");
		assertThat(log.status.getElement().getThemeList()).contains("error").doesNotContain("success");
	}

}
