// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {Ownable2Step} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {Clones} from "@openzeppelin/contracts/proxy/Clones.sol";
import {YieldVault} from "./YieldVault.sol";

/// @title Deploys one YieldVault per farmer at an address known before deployment.
/// @notice A farmer's wallet calls createVault and becomes its owner; the vault starts with the factory's default
/// executor (YieldPilot's key), which the owner may replace at any time. The address is a CREATE2 minimal proxy
/// clone salted with the owner, so YieldPilot can show it, and the farmer can fund it, before it exists.
/// The factory's own owner (YieldPilot) only chooses the default executor for vaults created later; it has no
/// power over existing vaults.
contract VaultFactory is Ownable2Step {
    address public immutable implementation;
    address public defaultExecutor;

    mapping(address owner => address vault) public vaultOf;

    event VaultCreated(address indexed owner, address indexed vault, address indexed asset, address executor);
    event DefaultExecutorSet(address indexed previousExecutor, address indexed newExecutor);

    error VaultExists(address owner, address vault);

    constructor(address defaultExecutor_) Ownable(msg.sender) {
        implementation = address(new YieldVault());
        defaultExecutor = defaultExecutor_;
        emit DefaultExecutorSet(address(0), defaultExecutor_);
    }

    /// @notice Creates the caller's vault over `asset` with the given limits and the default executor.
    function createVault(IERC20 asset, uint256 maxAssetsPerExecution, uint256 allowancePerPeriod, uint64 period)
        external
        returns (address vault)
    {
        address existing = vaultOf[msg.sender];
        if (existing != address(0)) revert VaultExists(msg.sender, existing);
        vault = Clones.cloneDeterministic(implementation, _salt(msg.sender));
        vaultOf[msg.sender] = vault;
        YieldVault(vault).initialize(
            msg.sender, asset, defaultExecutor, maxAssetsPerExecution, allowancePerPeriod, period
        );
        emit VaultCreated(msg.sender, vault, address(asset), defaultExecutor);
    }

    /// @notice Where `owner`'s vault is or will be.
    function predictVaultAddress(address owner) external view returns (address) {
        return Clones.predictDeterministicAddress(implementation, _salt(owner));
    }

    function setDefaultExecutor(address newExecutor) external onlyOwner {
        emit DefaultExecutorSet(defaultExecutor, newExecutor);
        defaultExecutor = newExecutor;
    }

    function _salt(address owner) private pure returns (bytes32) {
        return bytes32(uint256(uint160(owner)));
    }
}
