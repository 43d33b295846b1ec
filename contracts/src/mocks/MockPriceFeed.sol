// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";

/// @notice A Chainlink-style aggregator (AggregatorV3Interface) whose answer the owner sets. Each update
/// starts a new round; `setAnswerAt` backdates it, so tests can present a stale price.
contract MockPriceFeed is Ownable {
    uint8 public immutable decimals;
    string public description;
    uint256 public constant version = 4;

    uint80 private roundId;
    int256 private answer;
    uint256 private updatedAt;

    event AnswerUpdated(int256 indexed current, uint256 indexed roundId, uint256 updatedAt);

    constructor(uint8 decimals_, string memory description_, int256 initialAnswer) Ownable(msg.sender) {
        decimals = decimals_;
        description = description_;
        _update(initialAnswer, block.timestamp);
    }

    function setAnswer(int256 answer_) external onlyOwner {
        _update(answer_, block.timestamp);
    }

    function setAnswerAt(int256 answer_, uint256 updatedAt_) external onlyOwner {
        _update(answer_, updatedAt_);
    }

    function latestRoundData() external view returns (uint80, int256, uint256, uint256, uint80) {
        return (roundId, answer, updatedAt, updatedAt, roundId);
    }

    function latestAnswer() external view returns (int256) {
        return answer;
    }

    function _update(int256 answer_, uint256 updatedAt_) private {
        roundId += 1;
        answer = answer_;
        updatedAt = updatedAt_;
        emit AnswerUpdated(answer_, roundId, updatedAt_);
    }
}
