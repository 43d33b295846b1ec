// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Answers the reads YieldPilot makes of a Compound v3 market (Comet) with values the owner sets:
/// utilization, total supply and a supply rate per second, scaled by 1e18 as Comet's are. Comet's own
/// `getSupplyRate(utilization)` follows a kinked curve; here it returns the configured rate for the current
/// utilization and reverts for any other, so a reader that passes something else is caught.
contract MockComet is Ownable {
    address public immutable baseToken;
    uint8 public immutable decimals;

    uint256 private utilization;
    uint256 private supplied;
    uint64 private supplyRatePerSecond;

    constructor(address baseToken_, uint8 decimals_) Ownable(msg.sender) {
        baseToken = baseToken_;
        decimals = decimals_;
    }

    function setMarket(uint256 utilization_, uint256 totalSupply_, uint64 supplyRatePerSecond_) external onlyOwner {
        utilization = utilization_;
        supplied = totalSupply_;
        supplyRatePerSecond = supplyRatePerSecond_;
    }

    function getUtilization() external view returns (uint256) {
        return utilization;
    }

    function getSupplyRate(uint256 utilization_) external view returns (uint64) {
        require(utilization_ == utilization, "MockComet: not the current utilization");
        return supplyRatePerSecond;
    }

    function totalSupply() external view returns (uint256) {
        return supplied;
    }
}
