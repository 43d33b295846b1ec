// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice Test double: a 6-decimal token that, once told to, answers transfers with `false` and moves nothing,
/// the failure a caller that ignores return values mistakes for success. Anyone can mint.
contract FalseReturnToken is ERC20 {
    bool public failing;

    constructor() ERC20("False Return USD", "FRUSD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function setFailing(bool failing_) external {
        failing = failing_;
    }

    function transfer(address to, uint256 amount) public override returns (bool) {
        return failing ? false : super.transfer(to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) public override returns (bool) {
        return failing ? false : super.transferFrom(from, to, amount);
    }
}
