package com.yieldpilot.vault.internal;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.UserId;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.support.ApplicationIT;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Position;
import com.yieldpilot.vault.PortfolioPoint;
import com.yieldpilot.vault.Portfolios;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.VaultSnapshot;
import com.yieldpilot.vault.Vaults;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Local mode's demo vault on the local chain: created for the demo farmer, funded,
 * allowlisted into the simulated USDC pools, noted in the credentials file, shown only to
 * its farmer by the API, and snapshotted into the portfolio history.
 */
class LocalVaultIT extends ApplicationIT {

	private static final BigDecimal FUNDING = new BigDecimal("100000");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	Vaults vaults;

	@Autowired
	Portfolios portfolios;

	@Autowired
	PortfolioService snapshots;

	@Autowired
	LocalChain chain;

	@Autowired
	LocalDevnet devnet;

	private UserId farmer;

	private Vault vault;

	@BeforeEach
	void demoVault() {
		this.farmer = this.accounts.findByUsername("farmer").orElseThrow().id();
		await().atMost(Duration.ofMinutes(2))
			.until(() -> this.vaults.vault(this.farmer, LocalChain.CHAIN_ID).isPresent());
		this.vault = this.vaults.vault(this.farmer, LocalChain.CHAIN_ID).orElseThrow();
	}

	@Test
	void demoFarmerOwnsAVaultAllowlistedIntoEverySimulatedUsdcPool() {
		VaultState state = this.vaults.state(this.vault);

		assertThat(state.owner()).isEqualToIgnoringCase(DevAccounts.demoFarmer().getAddress());
		assertThat(this.vault.ownerAddress()).isEqualToIgnoringCase(DevAccounts.demoFarmer().getAddress());
		assertThat(state.executor()).isEqualToIgnoringCase(DevAccounts.executor().getAddress());
		assertThat(state.paused()).isFalse();
		assertThat(state.maxAssetsPerExecution()).isEqualByComparingTo("50000");
		assertThat(state.allowancePerPeriod()).isEqualByComparingTo("200000");
		assertThat(state.period()).isEqualTo(Duration.ofDays(1));
		List<String> usdcPools = this.devnet.pools(Duration.ZERO)
			.stream()
			.filter((p) -> "USDC".equals(p.asset()))
			.map((p) -> p.vault().toLowerCase())
			.toList();
		assertThat(usdcPools).hasSizeGreaterThan(2);
		assertThat(state.allowlist()).map(String::toLowerCase).containsExactlyInAnyOrderElementsOf(usdcPools);
	}

	@Test
	void settingUpTheDemoVaultLeavesTheChainsFeeQuoteAtAnvilsDefaults() throws Exception {
		// anvil suggests the tips recent blocks paid: a setup that overpays ratchets the
		// quote every execution's cost check reads (it once reached 64 gwei and skipped
		// every test deposit as not paying for its gas)
		BigInteger tip = this.chain.web3j().ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas();
		BigInteger price = this.chain.web3j().ethGasPrice().send().getGasPrice();

		assertThat(tip).isLessThanOrEqualTo(BigInteger.valueOf(5_000_000_000L));
		assertThat(price).isLessThanOrEqualTo(BigInteger.valueOf(6_000_000_000L));
	}

	@Test
	void portfolioIsTheFundingSittingIdleUntilTheExecutorMovesIt() throws Exception {
		Portfolio before = this.vaults.portfolio(this.vault);
		assertThat(before.value()).isGreaterThanOrEqualTo(FUNDING);
		assertThat(before.positions()).isNotEmpty().allSatisfy((p) -> assertThat(p.pool()).isNotNull());

		// the executor's key is local mode's dev key: move 1,000 USDC into the first pool
		String target = before.positions().getFirst().target();
		BigInteger shares = before.positions().getFirst().shares();
		// other tests' executions may have put funds there already: compare with what
		// was there
		BigDecimal held = before.positions().getFirst().assets();
		var executor = YieldVault
			.load(this.vault.address(), this.chain.web3j(),
					new RawTransactionManager(this.chain.web3j(), DevAccounts.executor(), this.chain.chainId(),
							new PollingTransactionReceiptProcessor(this.chain.web3j(), 50, 200)),
					new DefaultGasProvider());
		byte[] id = new byte[32];
		new java.security.SecureRandom().nextBytes(id);
		BigInteger deadline = BigInteger.valueOf(java.time.Instant.now().getEpochSecond() + 3_600);
		executor.executeDeposit(id, target, BigInteger.valueOf(1_000_000_000L), BigInteger.ONE, deadline).send();

		Portfolio after = this.vaults.portfolio(this.vault);
		assertThat(after.block()).isGreaterThan(before.block());
		assertThat(after.idle()).isEqualByComparingTo(before.idle().subtract(new BigDecimal("1000")));
		assertThat(after.positions().getFirst().shares()).isGreaterThan(shares);
		assertThat(after.positions().getFirst().assets().subtract(held)).isBetween(new BigDecimal("999.99"),
				new BigDecimal("1000.1"));
		assertThat(after.value()).isBetween(before.value().subtract(new BigDecimal("0.01")), before.value());

		// the configuration and the holdings read together, at one block
		VaultSnapshot snapshot = this.vaults.snapshot(this.vault);
		assertThat(snapshot.portfolio().block()).isEqualTo(snapshot.state().block())
			.isGreaterThanOrEqualTo(after.block());
		assertThat(snapshot.state().executor()).isEqualToIgnoringCase(DevAccounts.executor().getAddress());
		assertThat(snapshot.portfolio().positions()).map(Position::target)
			.containsExactlyElementsOf(snapshot.state().allowlist());
		if (snapshot.state().block() == after.block()) {
			assertThat(snapshot.portfolio()).isEqualTo(after);
		}
	}

	@Test
	void snapshotsStoreTheValueAndTheNetDepositsForDrawdown() {
		this.snapshots.snapshotAll();
		this.snapshots.snapshotAll();

		List<PortfolioPoint> history = this.portfolios.history(this.farmer, this.vault.id(), Duration.ofHours(1));
		assertThat(history).hasSizeGreaterThanOrEqualTo(2);
		PortfolioPoint latest = history.getLast();
		assertThat(latest.netDeposits()).isEqualByComparingTo(FUNDING);
		assertThat(latest.value()).isGreaterThanOrEqualTo(new BigDecimal("99999.99"));
		assertThat(this.portfolios.drawdown(this.farmer, Duration.ofHours(1)))
			.hasValueSatisfying((d) -> assertThat(d).isBetween(BigDecimal.ZERO, new BigDecimal("0.0001")));

		UserId admin = this.accounts.findByUsername("admin").orElseThrow().id();
		assertThat(this.portfolios.drawdown(admin, Duration.ofHours(1))).isEmpty();
		assertThat(this.portfolios.history(admin, this.vault.id(), Duration.ofHours(1))).isEmpty();
		// the guardrails' read of several owners at once: the same figure, by owner, and
		// none for an owner without snapshots
		assertThat(this.portfolios.drawdowns(List.of(this.farmer, admin), Duration.ofHours(1)))
			.containsOnlyKeys(this.farmer)
			.containsEntry(this.farmer, this.portfolios.drawdown(this.farmer, Duration.ofHours(1)).orElseThrow());
	}

	@Test
	void credentialsFileNamesTheLocalChainAndTheDemoVault() throws IOException {
		await().atMost(Duration.ofSeconds(30)).until(() -> properties().getProperty("farmer.vault") != null);
		Properties properties = properties();
		assertThat(properties.getProperty("farmer.vault")).isEqualToIgnoringCase(this.vault.address());
		assertThat(properties.getProperty("chain.rpc-url")).isEqualTo(this.chain.rpcUrl());
		assertThat(properties.getProperty("farmer.token")).as("the logins stay").startsWith("yp_");
		assertThat(java.nio.file.attribute.PosixFilePermissions
			.toString(Files.getPosixFilePermissions(HOME.resolve("local-credentials.properties"))))
			.isEqualTo("rw-------");
	}

	@Test
	void apiShowsEachFarmerOnlyTheirOwnVaults() throws Exception {
		var farmerResponse = http().get("/api/v1/vaults", credentials().farmerToken());
		assertThat(farmerResponse.statusCode()).isEqualTo(200);
		JsonNode mine = this.json.readTree(farmerResponse.body());
		assertThat(mine).hasSize(1);
		assertThat(mine.get(0).get("address").asString()).isEqualToIgnoringCase(this.vault.address());
		assertThat(mine.get(0).get("state").get("executor").asString())
			.isEqualToIgnoringCase(DevAccounts.executor().getAddress());
		assertThat(mine.get(0).get("portfolio").get("value").decimalValue()).isGreaterThan(BigDecimal.ZERO);

		var adminResponse = http().get("/api/v1/vaults", credentials().adminToken());
		assertThat(adminResponse.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(adminResponse.body())).isEmpty();
		assertThat(http().get("/api/v1/vaults", null).statusCode()).isEqualTo(401);
	}

	private Properties properties() throws IOException {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(HOME.resolve("local-credentials.properties"))) {
			properties.load(in);
		}
		return properties;
	}

}
