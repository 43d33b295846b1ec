// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice Answers Aave v3's `Pool.getReserveData(asset)` with the real return layout, for rates the owner
/// sets. Only the read side of Aave exists here: YieldPilot reads Aave rates and moves funds through ERC-4626.
contract MockAavePool is Ownable {
    struct ReserveConfigurationMap {
        uint256 data;
    }

    struct ReserveData {
        ReserveConfigurationMap configuration;
        uint128 liquidityIndex;
        uint128 currentLiquidityRate;
        uint128 variableBorrowIndex;
        uint128 currentVariableBorrowRate;
        uint128 currentStableBorrowRate;
        uint40 lastUpdateTimestamp;
        uint16 id;
        address aTokenAddress;
        address stableDebtTokenAddress;
        address variableDebtTokenAddress;
        address interestRateStrategyAddress;
        uint128 accruedToTreasury;
        uint128 unbacked;
        uint128 isolationModeTotalDebt;
    }

    mapping(address => ReserveData) private reserves;

    constructor() Ownable(msg.sender) {}

    /// @param liquidityRate the supply APR in ray (1e27 = 100%), as Aave reports it
    function setRates(address asset, uint128 liquidityRate, uint128 variableBorrowRate) external onlyOwner {
        ReserveData storage reserve = reserves[asset];
        if (reserve.liquidityIndex == 0) {
            reserve.liquidityIndex = 1e27;
            reserve.variableBorrowIndex = 1e27;
        }
        reserve.currentLiquidityRate = liquidityRate;
        reserve.currentVariableBorrowRate = variableBorrowRate;
        reserve.lastUpdateTimestamp = uint40(block.timestamp);
    }

    function getReserveData(address asset) external view returns (ReserveData memory) {
        return reserves[asset];
    }
}
