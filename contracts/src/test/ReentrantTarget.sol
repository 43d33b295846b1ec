// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";

/// @notice Test double: an ERC-4626 vault that, on every deposit, first calls back whatever it was told to (a
/// re-entrant call into the depositing YieldVault) and bubbles up that call's revert.
contract ReentrantTarget is ERC4626 {
    address public callbackTarget;
    bytes public callbackData;

    constructor(IERC20 asset_) ERC20("Reentrant", "RE") ERC4626(asset_) {}

    function setCallback(address target, bytes calldata data) external {
        callbackTarget = target;
        callbackData = data;
    }

    /// @notice Calls `vault` with `data` as this contract, the way an executor contract would.
    function run(address vault, bytes calldata data) external {
        (bool ok, bytes memory reason) = vault.call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(reason, 0x20), mload(reason))
            }
        }
    }

    function deposit(uint256 assets, address receiver) public override returns (uint256) {
        if (callbackTarget != address(0)) {
            (bool ok, bytes memory reason) = callbackTarget.call(callbackData);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(reason, 0x20), mload(reason))
                }
            }
        }
        return super.deposit(assets, receiver);
    }
}
