package com.yieldpilot.market.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.browserless.ViewPackages;
import com.yieldpilot.market.InvalidRegistryEntryException;
import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.RegistryConflictException;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The registry form alone, with a save callback standing in for the service. */
@ViewPackages(classes = RegistryEntryDialog.class)
class RegistryEntryDialogTest extends BrowserlessTest {

	private static final String VAULT = "0xbeeF010f9cb27031ad51e3333f9aF9C6B1228183";

	private static final String USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";

	private final List<RegistryEntryData> saved = new ArrayList<>();

	private final List<RegistryEntry> reported = new ArrayList<>();

	private RegistryEntryDialog dialog(RegistryEntry existing) {
		RegistryEntryDialog dialog = new RegistryEntryDialog(existing, data -> {
			this.saved.add(data);
			return new RegistryEntry(data, PoolDescriptor.Origin.REGISTRY, RegistryEntry.ManagedBy.ADMIN, null, 1,
					null);
		}, this.reported::add);
		dialog.open();
		roundTrip();
		return dialog;
	}

	@Test
	void savesAVaultWithItsAddressesInChecksumForm() {
		RegistryEntryDialog dialog = dialog(null);
		test(dialog.id).setValue("morpho:base:USDC:steakhouse");
		test(dialog.name).setValue("Steakhouse USDC");
		test(dialog.contract).setValue(VAULT.toLowerCase());
		test(dialog.asset).setValue(USDC);
		test(dialog.assetDecimals).setValue(6);
		test(dialog.stablecoin).click();
		test(dialog.save).click();

		assertThat(this.saved).singleElement().satisfies(data -> {
			assertThat(data.id()).isEqualTo(PoolId.parse("morpho:base:USDC:steakhouse"));
			assertThat(data.kind()).isEqualTo(ReadKind.ERC4626);
			assertThat(data.contract()).isEqualTo(VAULT);
			assertThat(data.stablecoin()).isTrue();
		});
		assertThat(this.reported).hasSize(1);
		assertThat(dialog.isOpened()).isFalse();
	}

	@Test
	void aMistypedAddressIsShownOnItsFieldAndNothingIsSaved() {
		RegistryEntryDialog dialog = dialog(null);
		test(dialog.id).setValue("morpho:base:USDC:x");
		test(dialog.contract).setValue(VAULT.substring(0, 10) + "F" + VAULT.substring(11));
		test(dialog.assetDecimals).setValue(6);
		test(dialog.save).click();

		assertThat(this.saved).isEmpty();
		assertThat(dialog.contract.isInvalid()).isTrue();
		assertThat(dialog.contract.getErrorMessage()).contains("EIP-55");
		assertThat(dialog.isOpened()).isTrue();
	}

	@Test
	void whatOnlyTheWholeEntryCanTellLandsOnTheFieldItConcerns() {
		RegistryEntryDialog dialog = dialog(null);
		test(dialog.id).setValue("aave-v3:base:USDC");
		test(dialog.kind).selectItem("aave-v3 (the Aave v3 Pool)");
		test(dialog.contract).setValue("0xA238Dd80C259a72e81d7e4664a9801593F98d1c5");
		test(dialog.assetDecimals).setValue(6);
		test(dialog.save).click();

		assertThat(this.saved).isEmpty();
		assertThat(dialog.asset.isInvalid()).isTrue();
		assertThat(dialog.asset.getErrorMessage()).contains("required for aave-v3");
	}

	@Test
	void editsAnEntryWithItsIdFixedAndShowsAConflict() {
		RegistryEntryData data = RegistryEntryData.of("morpho:base:USDC:x", "X", "erc4626", VAULT, USDC, 6, null, null,
				true);
		RegistryEntry entry = new RegistryEntry(data, PoolDescriptor.Origin.REGISTRY, RegistryEntry.ManagedBy.FILE,
				"db/registry/pools.yaml", 3, null);
		RegistryEntryDialog dialog = new RegistryEntryDialog(entry, d -> {
			throw new RegistryConflictException("morpho:base:USDC:x changed since version 3 was read");
		}, this.reported::add);
		dialog.open();
		roundTrip();

		assertThat(dialog.id.getValue()).isEqualTo("morpho:base:USDC:x");
		assertThat(dialog.id.isReadOnly()).isTrue();
		assertThat(dialog.contract.getValue()).isEqualTo(VAULT);
		test(dialog.name).setValue("X, reviewed");
		test(dialog.save).click();

		assertThat(dialog.problem.isVisible()).isTrue();
		assertThat(dialog.problem.getText()).contains("changed since version 3");
		assertThat(this.reported).isEmpty();
	}

	@Test
	void aRefusalFromTheServerIsShownOnItsField() {
		RegistryEntryDialog dialog = new RegistryEntryDialog(null, d -> {
			throw new InvalidRegistryEntryException(d.id().toString(),
					List.of(new InvalidRegistryEntryException.FieldProblem("defiLlamaId",
							"belongs to the registry pool a:b:C")));
		}, this.reported::add);
		dialog.open();
		roundTrip();
		test(dialog.id).setValue("morpho:base:USDC:y");
		test(dialog.kind).selectItem("none (no contract)");
		test(dialog.defiLlamaId).setValue("aa70268e-4b52-42bf-a116-608b370f9501");
		test(dialog.save).click();

		assertThat(dialog.defiLlamaId.isInvalid()).isTrue();
		assertThat(dialog.defiLlamaId.getErrorMessage()).contains("belongs to the registry pool");
	}

}
