// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

interface ILensVault {
    function owner() external view returns (address);
    function pendingOwner() external view returns (address);
    function executor() external view returns (address);
    function paused() external view returns (bool);
    function maxAssetsPerExecution() external view returns (uint256);
    function allowancePerPeriod() external view returns (uint256);
    function period() external view returns (uint64);
    function availableAllowance() external view returns (uint256);
    function targets() external view returns (address[] memory);
}

interface ILensShares {
    function balanceOf(address holder) external view returns (uint256);
    function convertToAssets(uint256 shares) external view returns (uint256);
}

/// @notice Reads many YieldVaults' configuration and holdings in one `eth_call`, and is never deployed: the call
/// carries this contract's creation code with the vaults as constructor arguments (no `to`), the constructor does
/// the reads at the block the call names and returns their encoding in place of runtime code. So it works on any
/// chain as it is, and every number comes from the same block.
/// @dev Returns `abi.encode(uint256[])`, per vault in the order given: owner, pendingOwner, executor, paused,
/// maxAssetsPerExecution, allowancePerPeriod, period, availableAllowance, the idle balance of `assets[i]`, the
/// number n of allowlisted targets, then n times (target, shares held, convertToAssets(shares)). Any read that
/// reverts reverts the whole call.
contract VaultLens {
    uint256 private constant FIXED = 10;

    constructor(address[] memory vaults, address[] memory assets) {
        require(vaults.length == assets.length, "VaultLens: one asset per vault");
        address[][] memory allowed = new address[][](vaults.length);
        uint256 size;
        for (uint256 i = 0; i < vaults.length; i++) {
            allowed[i] = ILensVault(vaults[i]).targets();
            size += FIXED + 3 * allowed[i].length;
        }
        uint256[] memory out = new uint256[](size);
        uint256 at;
        for (uint256 i = 0; i < vaults.length; i++) {
            ILensVault vault = ILensVault(vaults[i]);
            out[at++] = uint256(uint160(vault.owner()));
            out[at++] = uint256(uint160(vault.pendingOwner()));
            out[at++] = uint256(uint160(vault.executor()));
            out[at++] = vault.paused() ? 1 : 0;
            out[at++] = vault.maxAssetsPerExecution();
            out[at++] = vault.allowancePerPeriod();
            out[at++] = vault.period();
            out[at++] = vault.availableAllowance();
            out[at++] = ILensShares(assets[i]).balanceOf(vaults[i]);
            out[at++] = allowed[i].length;
            for (uint256 t = 0; t < allowed[i].length; t++) {
                ILensShares target = ILensShares(allowed[i][t]);
                uint256 shares = target.balanceOf(vaults[i]);
                out[at++] = uint256(uint160(allowed[i][t]));
                out[at++] = shares;
                out[at++] = target.convertToAssets(shares);
            }
        }
        bytes memory encoded = abi.encode(out);
        assembly {
            return(add(encoded, 32), mload(encoded))
        }
    }
}
