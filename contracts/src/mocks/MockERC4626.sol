// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice An ERC-4626 vault whose share price the owner (the market simulator) moves: `accrue` adds assets
/// without minting shares (yield), `lose` takes assets out (bad debt, an exploit). Reads are real ERC-4626.
contract MockERC4626 is ERC4626, Ownable {
    using SafeERC20 for IERC20;

    event Accrued(uint256 assets, uint256 totalAssetsAfter);
    event Lost(uint256 assets, uint256 totalAssetsAfter);

    constructor(IERC20 asset_, string memory name_, string memory symbol_)
        ERC20(name_, symbol_)
        ERC4626(asset_)
        Ownable(msg.sender)
    {}

    /// @notice Yield: the owner's assets join the vault, so every share is worth more.
    function accrue(uint256 assets) external onlyOwner {
        IERC20(asset()).safeTransferFrom(msg.sender, address(this), assets);
        emit Accrued(assets, totalAssets());
    }

    /// @notice A loss: assets leave the vault to the owner, so every share is worth less.
    function lose(uint256 assets) external onlyOwner {
        IERC20(asset()).safeTransfer(owner(), assets);
        emit Lost(assets, totalAssets());
    }
}
