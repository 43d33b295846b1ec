package com.yieldpilot.vault.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.yieldpilot.identity.UserAccounts;
import com.yieldpilot.vault.Portfolio;
import com.yieldpilot.vault.Vault;
import com.yieldpilot.vault.VaultReadException;
import com.yieldpilot.vault.VaultState;
import com.yieldpilot.vault.Vaults;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own vaults, each with its configuration and portfolio read on chain; a
 * vault whose chain cannot be read comes without them and says why.
 */
@RestController
@RequestMapping("/api/v1/vaults")
class VaultController {

	private final UserAccounts accounts;

	private final Vaults vaults;

	VaultController(UserAccounts accounts, Vaults vaults) {
		this.accounts = accounts;
		this.vaults = vaults;
	}

	@GetMapping
	List<VaultView> vaults() {
		return this.vaults.vaults(this.accounts.current().id()).stream().map(this::view).toList();
	}

	private VaultView view(Vault vault) {
		try {
			VaultState state = this.vaults.state(vault);
			Portfolio portfolio = this.vaults.portfolio(vault);
			return new VaultView(vault, state, portfolio, portfolio.profitVersusHolding(), null);
		}
		catch (VaultReadException ex) {
			return new VaultView(vault, null, null, null, "The chain could not be read: " + ex.getMessage());
		}
	}

	record VaultView(String id, long chainId, String address, String owner, String asset, String assetAddress,
			Instant createdAt, @Nullable VaultState state, @Nullable Portfolio portfolio,
			@Nullable BigDecimal profitVersusHolding, @Nullable String problem) {

		VaultView(Vault vault, @Nullable VaultState state, @Nullable Portfolio portfolio, @Nullable BigDecimal profit,
				@Nullable String problem) {
			this(vault.id().toString(), vault.chainId(), vault.address(), vault.ownerAddress(), vault.assetSymbol(),
					vault.assetAddress(), vault.createdAt(), state, portfolio, profit, problem);
		}

	}

}
