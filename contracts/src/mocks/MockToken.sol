// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice An ERC-20 with the decimals given at deployment (18 for a WETH-like token), for local mode and tests.
/// Only the owner mints or burns. MockStablecoin stays the 6-decimal USDC-like token.
contract MockToken is ERC20, Ownable {
    uint8 private immutable decimals_;

    constructor(string memory name_, string memory symbol_, uint8 tokenDecimals)
        ERC20(name_, symbol_)
        Ownable(msg.sender)
    {
        decimals_ = tokenDecimals;
    }

    function decimals() public view override returns (uint8) {
        return decimals_;
    }

    function mint(address to, uint256 amount) external onlyOwner {
        _mint(to, amount);
    }

    function burn(address from, uint256 amount) external onlyOwner {
        _burn(from, amount);
    }
}
