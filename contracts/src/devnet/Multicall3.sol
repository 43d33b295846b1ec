// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice The `aggregate3` and `getBlockNumber` part of Multicall3, for the local chain. Real chains have
/// Multicall3 at 0xcA11bde05977b3631167028862bE2a173976CA11 with the same interface, so the batch reader
/// works unchanged against either.
contract Multicall3 {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            require(success || calls[i].allowFailure, "Multicall3: call failed");
            returnData[i] = Result(success, data);
        }
    }

    function getBlockNumber() external view returns (uint256) {
        return block.number;
    }
}
