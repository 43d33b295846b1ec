package com.yieldpilot.market.internal.registry;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.yieldpilot.market.PoolDescriptor;
import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.internal.store.PoolRegistry;
import com.yieldpilot.market.internal.store.RegistryStore;
import com.yieldpilot.shared.PoolId;
import com.yieldpilot.support.ApplicationIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registry files applied to a real database: once per version, updating what they own,
 * keeping what admins changed, retiring what they dropped, and all or nothing.
 */
class RegistryFileLoaderIT extends ApplicationIT {

	private static final String VAULT = "0xbeeF010f9cb27031ad51e3333f9aF9C6B1228183";

	private static final String COMET = "0xb125E6687d4313864e53df431d5425969c15Eb2F";

	private static final String USDC = "0x833589fCD6eDb6E08f4c7C32D4f71b54bdA02913";

	@Autowired
	RegistryFileLoader loader;

	@Autowired
	RegistryStore store;

	@Autowired
	PoolRegistry registry;

	@Autowired
	TransactionTemplate transactions;

	private final String protocol = "f" + UUID.randomUUID().toString().substring(0, 8);

	private final String file = "test/" + this.protocol + ".yaml";

	@Test
	void appliesAFileOnceAndAgainOnlyWhenItChanges() {
		RegistryFileLoader.Report first = this.loader.load(this.file,
				file(vault("a", "Vault A"), comet("b", "Comet B")));
		long versionAfterFirst = entry("a").version();

		RegistryFileLoader.Report again = this.loader.load(this.file,
				file(vault("a", "Vault A"), comet("b", "Comet B")));

		assertThat(first.unchanged()).isFalse();
		assertThat(first.added()).containsExactly(id("a"), id("b"));
		assertThat(again.unchanged()).isTrue();
		assertThat(entry("a").version()).as("nothing written the second time").isEqualTo(versionAfterFirst);
		assertThat(entry("a").data().kind()).isEqualTo(ReadKind.ERC4626);
		assertThat(entry("a").managedBy()).isEqualTo(RegistryEntry.ManagedBy.FILE);
		assertThat(entry("b").data().contract()).isEqualTo(COMET);
		assertThat(this.store.onChain("base")).extracting(p -> p.pool()).contains(id("a"), id("b"));
	}

	@Test
	void anEditedFileUpdatesItsPoolsButKeepsWhatAnAdminChangedAndRetiresWhatItDropped() throws Exception {
		this.loader.load(this.file, file(vault("a", "Vault A"), comet("b", "Comet B"), comet("c", "Comet C")));
		long version = entry("a").version();
		var edited = http().put("/api/v1/admin/pools/" + id("a"), credentials().adminToken(), """
				{"name": "Vault A, as the admin reviewed it", "kind": "erc4626", "contract": "%s",
				 "asset": "%s", "assetDecimals": 6, "version": %d}""".formatted(VAULT, USDC, version));
		assertThat(edited.statusCode()).isEqualTo(200);

		RegistryFileLoader.Report report = this.loader.load(this.file, file(vault("a", "Vault A, renamed in the file"),
				comet("b", "Comet B, renamed"), vault("d", "Vault D")));

		assertThat(report.keptAdminEdits()).containsExactly(id("a"));
		assertThat(report.updated()).containsExactly(id("b"));
		assertThat(report.added()).containsExactly(id("d"));
		assertThat(report.retired()).containsExactly(id("c"));
		assertThat(entry("a").data().name()).isEqualTo("Vault A, as the admin reviewed it");
		assertThat(entry("a").managedBy()).isEqualTo(RegistryEntry.ManagedBy.ADMIN);
		assertThat(entry("b").data().name()).isEqualTo("Comet B, renamed");
		assertThat(entry("c").origin()).as("kept with its history, no longer read or acted on")
			.isEqualTo(PoolDescriptor.Origin.WATCHED);
		assertThat(this.store.onChain("base")).extracting(p -> p.pool()).doesNotContain(id("c")).contains(id("d"));
		assertThat(JsonMapper.builder()
			.build()
			.readTree(http().get("/api/v1/pools/" + id("c"), credentials().farmerToken()).body())
			.get("origin")
			.asString()).isEqualTo("WATCHED");
	}

	@Test
	void aFileWithAnInvalidEntryChangesNothing() {
		this.loader.load(this.file, file(vault("a", "Vault A")));

		assertThatThrownBy(
				() -> this.loader.load(this.file, file(vault("a", "Vault A, renamed"), vault("e", "Vault E"), """
						  - id: %s:base:USDC:bad
						    read: erc4626
						    contract: 0x1234
						""".formatted(this.protocol))))
			.isInstanceOf(RegistryFileException.class)
			.hasMessageContaining("is not an address");

		assertThat(this.store.find(id("e"))).isEmpty();
		assertThat(entry("a").data().name()).isEqualTo("Vault A");
	}

	@Test
	void aRegistryEntryTakesItsDefiLlamaIdOverFromAWatchedPool() {
		String llama = UUID.randomUUID().toString();
		PoolId watched = PoolId.parse(this.protocol + ":base:USDC:watched");
		this.transactions.executeWithoutResult(status -> this.registry
			.register(new PoolDescriptor(watched, llama, null, true, PoolDescriptor.Origin.WATCHED)));

		this.loader.load(this.file, file(vault("a", "Vault A") + "    defillama: " + llama + "\n"));

		assertThat(entry("a").data().defiLlamaId()).isEqualTo(llama);
		assertThat(this.store.find(watched).orElseThrow().data().defiLlamaId()).isNull();
		assertThat(this.registry.byDefiLlamaId()).containsEntry(llama, id("a"));
	}

	private RegistryEntry entry(String name) {
		return this.store.find(id(name)).orElseThrow();
	}

	private PoolId id(String name) {
		return PoolId.parse(this.protocol + ":base:USDC:" + name);
	}

	private String vault(String name, String label) {
		return """
				  - id: %s
				    name: %s
				    read: erc4626
				    contract: "%s"
				    asset: "%s"
				    assetDecimals: 6
				    stablecoin: true
				""".formatted(id(name), label, VAULT, USDC);
	}

	private String comet(String name, String label) {
		return """
				  - id: %s
				    name: %s
				    read: compound-v3
				    contract: "%s"
				    assetDecimals: 6
				""".formatted(id(name), label, COMET);
	}

	private static byte[] file(String... entries) {
		return ("pools:\n" + String.join("", List.of(entries))).getBytes(StandardCharsets.UTF_8);
	}

}
