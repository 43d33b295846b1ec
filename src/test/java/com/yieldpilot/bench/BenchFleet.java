package com.yieldpilot.bench;

import java.math.BigInteger;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.yieldpilot.chain.DevAccounts;
import com.yieldpilot.chain.LocalChain;
import com.yieldpilot.chain.contracts.MockStablecoin;
import com.yieldpilot.chain.contracts.VaultFactory;
import com.yieldpilot.chain.contracts.YieldVault;
import com.yieldpilot.identity.NewUser;
import com.yieldpilot.identity.Role;
import com.yieldpilot.identity.UserAccount;
import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.market.LocalDevnet;
import com.yieldpilot.market.LocalDevnet.DevnetPoolVault;
import com.yieldpilot.vault.VaultId;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.tx.Transfer;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.utils.Convert;

import org.springframework.transaction.support.TransactionTemplate;

import static com.yieldpilot.vault.internal.db.Tables.VAULT;
import static com.yieldpilot.vault.internal.db.Tables.VAULT_FACTORY;

/**
 * Farmers and their vaults for the throughput benchmark, made the way a farmer makes one:
 * a wallet of their own creates the vault through the factory (the executor being local
 * mode's executor key), funds it with devnet USDC and allowlists the target; YieldPilot
 * records the vault as its own on-boarding does. Each farmer gets two live rules on the
 * fleet's trigger pool, one above 5% and one below, so every move of that pool across 5%
 * fires one intent per farmer.
 */
final class BenchFleet {

	private static final BigInteger FUNDING = BenchNode.USDC.multiply(BigInteger.valueOf(1_000_000));

	private BenchFleet() {
	}

	static List<String> create(BenchNode node, int size) throws Exception {
		LocalDevnet devnet = node.context.getBean(LocalDevnet.class);
		List<DevnetPoolVault> pools = devnet.pools(Duration.ofMinutes(3));
		DevnetPoolVault target = pools.stream()
			.filter((p) -> p.pool().equals(BenchNode.TARGET))
			.findFirst()
			.orElseThrow();
		String factoryAddress = node.dsl.select(VAULT_FACTORY.ADDRESS)
			.from(VAULT_FACTORY)
			.where(VAULT_FACTORY.CHAIN_ID.eq(LocalChain.CHAIN_ID))
			.fetchSingle(VAULT_FACTORY.ADDRESS);
		ContractGasProvider gas = node.gas();
		List<Credentials> wallets = new ArrayList<>();
		Transfer eth = new Transfer(node.web3j, BenchNode.manager(node.web3j, DevAccounts.vaultFactoryOwner()));
		for (int i = 0; i < size; i++) {
			Credentials wallet = Credentials.create(Keys.createEcKeyPair());
			eth.sendFunds(wallet.getAddress(), java.math.BigDecimal.TEN, Convert.Unit.ETHER).send();
			devnet.mint(target.token(), wallet.getAddress(), FUNDING);
			wallets.add(wallet);
		}
		UserAccounts accounts = node.context.getBean(UserAccounts.class);
		TransactionTemplate transactions = node.context.getBean(TransactionTemplate.class);
		List<Callable<String>> farmers = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			Credentials wallet = wallets.get(i);
			String username = "fleet-" + i;
			farmers.add(() -> {
				VaultFactory factory = VaultFactory.load(factoryAddress, node.web3j,
						BenchNode.manager(node.web3j, wallet), gas);
				factory
					.createVault(target.token(), FUNDING, FUNDING.multiply(BigInteger.valueOf(1_000)),
							BigInteger.valueOf(86_400))
					.send();
				String address = factory.vaultOf(wallet.getAddress()).send();
				MockStablecoin.load(target.token(), node.web3j, BenchNode.manager(node.web3j, wallet), gas)
					.approve(address, FUNDING)
					.send();
				YieldVault vault = YieldVault.load(address, node.web3j, BenchNode.manager(node.web3j, wallet), gas);
				vault.fund(FUNDING).send();
				vault.allowTarget(target.vault()).send();
				UserAccount farmer = accounts
					.bootstrap(new NewUser(username, "bench-password-" + username, Set.of(Role.FARMER)));
				transactions.executeWithoutResult((status) -> node.dsl.insertInto(VAULT)
					.set(VAULT.ID, VaultId.random())
					.set(VAULT.USER_ID, farmer.id())
					.set(VAULT.CHAIN_ID, LocalChain.CHAIN_ID)
					.set(VAULT.ADDRESS, address)
					.set(VAULT.OWNER_ADDRESS, wallet.getAddress())
					.set(VAULT.ASSET_ADDRESS, target.token())
					.set(VAULT.ASSET_SYMBOL, "USDC")
					.set(VAULT.ASSET_DECIMALS, target.decimals())
					.set(VAULT.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
					.execute());
				node.depositRule(username, "Fleet up", BenchNode.FLEET_TRIGGER, "> 5%");
				node.depositRule(username, "Fleet down", BenchNode.FLEET_TRIGGER, "< 5%");
				return username;
			});
		}
		List<String> usernames = new ArrayList<>();
		try (ExecutorService workers = Executors.newFixedThreadPool(8)) {
			for (Future<String> done : workers.invokeAll(farmers)) {
				try {
					usernames.add(done.get());
				}
				catch (ExecutionException ex) {
					throw new IllegalStateException("a fleet vault could not be set up", ex.getCause());
				}
			}
		}
		return usernames;
	}

}
