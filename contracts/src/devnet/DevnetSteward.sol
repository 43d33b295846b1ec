// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {MockERC4626} from "../mocks/MockERC4626.sol";
import {MockPriceFeed} from "../mocks/MockPriceFeed.sol";

/// @notice The mint of MockStablecoin and MockToken.
interface IDevnetMintable {
    function mint(address to, uint256 amount) external;
}

/// @notice Local mode's market maker. It owns the devnet's mock tokens, vaults and price feeds and applies a step
/// of the market simulator to all of them in one transaction. The chain then grows by one block per step instead
/// of one per vault and feed, and a step is applied whole or not at all. Steps are numbered, and a step that is not
/// the next reverts: the same step sent twice (a retry after a lost receipt) is applied once.
contract DevnetSteward is Ownable {
    using SafeERC20 for IERC20;

    /// @notice A vault's assets after the step divided by its assets before, scaled by 1e18.
    struct Growth {
        MockERC4626 vault;
        uint256 factor;
    }

    /// @notice A feed's new answer, in the feed's decimals.
    struct Price {
        MockPriceFeed feed;
        int256 answer;
    }

    uint256 public constant ONE = 1e18;

    /// @notice The number of the last step applied.
    uint256 public steps;

    event Stepped(uint256 indexed step, uint256 vaults, uint256 prices);

    error NotTheNextStep(uint256 expected, uint256 given);

    constructor() Ownable(msg.sender) {}

    /// @notice Grows (accrue) or shrinks (lose) each vault's assets by its factor, then sets each feed's answer.
    /// Yield is paid from what earlier losses left here first, and minted for the rest.
    function step(uint256 number, Growth[] calldata growth, Price[] calldata prices) external onlyOwner {
        if (number != steps + 1) {
            revert NotTheNextStep(steps + 1, number);
        }
        steps = number;
        for (uint256 i = 0; i < growth.length; ++i) {
            _grow(growth[i].vault, growth[i].factor);
        }
        for (uint256 i = 0; i < prices.length; ++i) {
            prices[i].feed.setAnswer(prices[i].answer);
        }
        emit Stepped(number, growth.length, prices.length);
    }

    /// @notice Mints a devnet token to anyone: the local-mode faucet.
    function mint(address token, address to, uint256 amount) external onlyOwner {
        IDevnetMintable(token).mint(to, amount);
    }

    function _grow(MockERC4626 vault, uint256 factor) private {
        uint256 total = vault.totalAssets();
        uint256 target = Math.mulDiv(total, factor, ONE);
        if (target > total) {
            uint256 gain = target - total;
            IERC20 asset = IERC20(vault.asset());
            uint256 held = asset.balanceOf(address(this));
            if (held < gain) {
                IDevnetMintable(address(asset)).mint(address(this), gain - held);
            }
            asset.forceApprove(address(vault), gain);
            vault.accrue(gain);
        } else if (target < total) {
            vault.lose(total - target);
        }
    }
}
