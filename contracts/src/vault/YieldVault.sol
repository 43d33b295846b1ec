// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC4626} from "@openzeppelin/contracts/interfaces/IERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Initializable} from "@openzeppelin/contracts/proxy/utils/Initializable.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EnumerableSet} from "@openzeppelin/contracts/utils/structs/EnumerableSet.sol";

/// @title One farmer's vault: their funds, moved by YieldPilot's executor only within the owner's rules.
/// @notice The owner (the farmer's wallet) funds and empties the vault at any time, even while paused, and
/// configures it: the allowlist of ERC-4626 targets, the limits, the executor, the pause. The executor can only
/// move the vault's base asset between the vault and allowlisted targets, each call under a fresh execution id,
/// a minimum output and a deadline, and within the limits. Nothing the executor calls can send funds to any
/// address but this vault: targets receive `receiver = owner = address(this)`. A leaked executor key can shuffle
/// the owner's funds among the owner's own targets, within the limits, and nothing more.
/// @dev Deployed once as an implementation and used through minimal proxy clones (VaultFactory), so it has an
/// initializer instead of a constructor and keeps its reentrancy lock in transient storage (EIP-1153), which
/// needs no initialisation in a clone. See docs/decisions/0012-yield-vault.md.
contract YieldVault is Initializable, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;
    using EnumerableSet for EnumerableSet.AddressSet;

    /// @notice More targets than this would make reading the allowlist unbounded.
    uint256 public constant MAX_TARGETS = 32;

    IERC20 public asset;
    address public owner;
    address public pendingOwner;
    address public executor;
    bool public paused;

    uint256 public maxAssetsPerExecution;
    uint256 public allowancePerPeriod;
    uint64 public period;
    uint64 public periodStart;
    uint256 public spentInPeriod;

    EnumerableSet.AddressSet private allowlist;
    mapping(bytes32 executionId => bool) public executed;

    event VaultInitialized(address indexed owner, address indexed asset, address indexed executor);
    event Funded(address indexed from, uint256 assets);
    event TokenWithdrawn(address indexed token, address indexed to, uint256 amount);
    event PositionRedeemed(address indexed target, address indexed to, uint256 shares, uint256 assets);
    event TargetAllowed(address indexed target);
    event TargetRemoved(address indexed target);
    event LimitsSet(uint256 maxAssetsPerExecution, uint256 allowancePerPeriod, uint64 period);
    event ExecutorSet(address indexed previousExecutor, address indexed newExecutor);
    event Paused(address indexed by);
    event Unpaused(address indexed by);
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event Deposited(bytes32 indexed executionId, address indexed target, uint256 assets, uint256 shares);
    event Withdrawn(bytes32 indexed executionId, address indexed target, uint256 shares, uint256 assets);
    event Moved(
        bytes32 indexed executionId,
        address indexed from,
        address indexed to,
        uint256 sharesRedeemed,
        uint256 assets,
        uint256 sharesReceived
    );

    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    error NotExecutor(address caller);
    error ZeroAddress();
    error VaultPaused();
    error TargetNotAllowed(address target);
    error TargetAssetMismatch(address target, address targetAsset);
    error TargetAlreadyAllowed(address target);
    error TooManyTargets(uint256 max);
    error InvalidTarget(address target);
    error InvalidPeriod();
    error InvalidExecutionId();
    error ExecutionIdUsed(bytes32 executionId);
    error DeadlineExpired(uint256 deadline, uint256 timestamp);
    error ZeroAmount();
    error SameTarget(address target);
    error ExceedsExecutionLimit(uint256 assets, uint256 maxAssetsPerExecution);
    error ExceedsPeriodAllowance(uint256 assets, uint256 available);
    error InsufficientSharesOut(uint256 shares, uint256 minSharesOut);
    error InsufficientAssetsOut(uint256 assets, uint256 minAssetsOut);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    /// @dev Checks shared by every executor call; marks the execution id used before any external call.
    modifier execution(bytes32 executionId, uint256 deadline) {
        if (msg.sender != executor) revert NotExecutor(msg.sender);
        if (paused) revert VaultPaused();
        if (block.timestamp > deadline) revert DeadlineExpired(deadline, block.timestamp);
        if (executionId == bytes32(0)) revert InvalidExecutionId();
        if (executed[executionId]) revert ExecutionIdUsed(executionId);
        executed[executionId] = true;
        _;
    }

    /// @dev The implementation itself can never be initialised; only its clones can.
    constructor() {
        _disableInitializers();
    }

    function initialize(
        address owner_,
        IERC20 asset_,
        address executor_,
        uint256 maxAssetsPerExecution_,
        uint256 allowancePerPeriod_,
        uint64 period_
    ) external initializer {
        if (owner_ == address(0) || address(asset_) == address(0)) revert ZeroAddress();
        owner = owner_;
        asset = asset_;
        executor = executor_;
        _setLimits(maxAssetsPerExecution_, allowancePerPeriod_, period_);
        periodStart = uint64(block.timestamp);
        emit VaultInitialized(owner_, address(asset_), executor_);
        emit OwnershipTransferred(address(0), owner_);
        emit ExecutorSet(address(0), executor_);
    }

    // ---- owner: funds (work while paused) ----

    /// @notice Pulls `assets` of the base asset from the caller (after their approval) into the vault.
    function fund(uint256 assets) external onlyOwner nonReentrant {
        if (assets == 0) revert ZeroAmount();
        asset.safeTransferFrom(msg.sender, address(this), assets);
        emit Funded(msg.sender, assets);
    }

    /// @notice Sends `amount` of any token the vault holds (the base asset or a target's shares) to the owner.
    function withdrawToken(IERC20 token, uint256 amount) external onlyOwner nonReentrant {
        if (amount == 0) revert ZeroAmount();
        token.safeTransfer(owner, amount);
        emit TokenWithdrawn(address(token), owner, amount);
    }

    /// @notice Redeems `shares` of any ERC-4626 position the vault holds straight to the owner's wallet.
    function redeemPosition(IERC4626 target, uint256 shares, uint256 minAssetsOut)
        external
        onlyOwner
        nonReentrant
        returns (uint256 assets)
    {
        if (shares == 0) revert ZeroAmount();
        assets = target.redeem(shares, owner, address(this));
        if (assets < minAssetsOut) revert InsufficientAssetsOut(assets, minAssetsOut);
        emit PositionRedeemed(address(target), owner, shares, assets);
    }

    // ---- owner: configuration ----

    function allowTarget(IERC4626 target) external onlyOwner {
        address t = address(target);
        if (t == address(0) || t == address(this) || t == address(asset)) revert InvalidTarget(t);
        if (allowlist.contains(t)) revert TargetAlreadyAllowed(t);
        if (allowlist.length() >= MAX_TARGETS) revert TooManyTargets(MAX_TARGETS);
        address targetAsset = target.asset();
        if (targetAsset != address(asset)) revert TargetAssetMismatch(t, targetAsset);
        allowlist.add(t);
        emit TargetAllowed(t);
    }

    /// @notice Stops the executor from touching `target`. Shares held in it stay the vault's; the owner can
    /// still redeem or withdraw them.
    function removeTarget(address target) external onlyOwner {
        if (!allowlist.remove(target)) revert TargetNotAllowed(target);
        emit TargetRemoved(target);
    }

    /// @param maxAssetsPerExecution_ the most base asset one executor call may move
    /// @param allowancePerPeriod_ the most base asset all executor calls together may move in one period
    /// @param period_ the period's length in seconds; the allowance refills in full when a new one begins
    function setLimits(uint256 maxAssetsPerExecution_, uint256 allowancePerPeriod_, uint64 period_)
        external
        onlyOwner
    {
        _setLimits(maxAssetsPerExecution_, allowancePerPeriod_, period_);
    }

    /// @notice Sets, rotates or (with the zero address) revokes the executor.
    function setExecutor(address newExecutor) external onlyOwner {
        emit ExecutorSet(executor, newExecutor);
        executor = newExecutor;
    }

    function pause() external onlyOwner {
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyOwner {
        paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Starts moving ownership; `newOwner` must call acceptOwnership. A second call replaces the first.
    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(owner, newOwner);
    }

    function acceptOwnership() external {
        if (msg.sender != pendingOwner) revert NotPendingOwner(msg.sender);
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }

    // ---- executor ----

    /// @notice Deposits `assets` of the vault's base asset into an allowlisted target.
    /// @param minSharesOut the fewest shares to accept: the target's previewDeposit less slippage. It is what
    /// stops a donation front-run on an empty target from taking the deposit.
    function executeDeposit(
        bytes32 executionId,
        IERC4626 target,
        uint256 assets,
        uint256 minSharesOut,
        uint256 deadline
    ) external nonReentrant execution(executionId, deadline) returns (uint256 shares) {
        _requireTarget(address(target));
        _consume(assets);
        shares = _depositInto(target, assets, minSharesOut);
        emit Deposited(executionId, address(target), assets, shares);
    }

    /// @notice Redeems `shares` of an allowlisted target back into the vault.
    function executeWithdraw(
        bytes32 executionId,
        IERC4626 target,
        uint256 shares,
        uint256 minAssetsOut,
        uint256 deadline
    ) external nonReentrant execution(executionId, deadline) returns (uint256 assets) {
        _requireTarget(address(target));
        assets = _redeemFrom(target, shares, minAssetsOut);
        _consume(assets);
        emit Withdrawn(executionId, address(target), shares, assets);
    }

    /// @notice Redeems `shares` of one allowlisted target and deposits what comes back into another.
    function executeMove(
        bytes32 executionId,
        IERC4626 from,
        IERC4626 to,
        uint256 shares,
        uint256 minAssetsOut,
        uint256 minSharesOut,
        uint256 deadline
    ) external nonReentrant execution(executionId, deadline) returns (uint256 sharesReceived) {
        if (address(from) == address(to)) revert SameTarget(address(from));
        _requireTarget(address(from));
        _requireTarget(address(to));
        uint256 assets = _redeemFrom(from, shares, minAssetsOut);
        _consume(assets);
        sharesReceived = _depositInto(to, assets, minSharesOut);
        emit Moved(executionId, address(from), address(to), shares, assets, sharesReceived);
    }

    // ---- views ----

    function targets() external view returns (address[] memory) {
        return allowlist.values();
    }

    function isTarget(address target) external view returns (bool) {
        return allowlist.contains(target);
    }

    /// @notice What the executor may still move in the current period.
    function availableAllowance() public view returns (uint256) {
        (, uint256 spent) = _window();
        return spent >= allowancePerPeriod ? 0 : allowancePerPeriod - spent;
    }

    // ---- internals ----

    function _setLimits(uint256 maxAssetsPerExecution_, uint256 allowancePerPeriod_, uint64 period_) private {
        if (period_ == 0) revert InvalidPeriod();
        maxAssetsPerExecution = maxAssetsPerExecution_;
        allowancePerPeriod = allowancePerPeriod_;
        period = period_;
        emit LimitsSet(maxAssetsPerExecution_, allowancePerPeriod_, period_);
    }

    function _requireTarget(address target) private view {
        if (!allowlist.contains(target)) revert TargetNotAllowed(target);
    }

    /// @dev The current period's start and what was spent in it; periods are aligned to the first one's start.
    function _window() private view returns (uint64 start, uint256 spent) {
        start = periodStart;
        spent = spentInPeriod;
        if (block.timestamp >= uint256(start) + period) {
            start = uint64(block.timestamp - ((block.timestamp - start) % period));
            spent = 0;
        }
    }

    function _consume(uint256 assets) private {
        if (assets == 0) revert ZeroAmount();
        if (assets > maxAssetsPerExecution) revert ExceedsExecutionLimit(assets, maxAssetsPerExecution);
        (uint64 start, uint256 spent) = _window();
        uint256 available = spent >= allowancePerPeriod ? 0 : allowancePerPeriod - spent;
        if (assets > available) revert ExceedsPeriodAllowance(assets, available);
        periodStart = start;
        spentInPeriod = spent + assets;
    }

    /// @dev Shares are counted by the vault's balance, not by what the target says it minted.
    function _depositInto(IERC4626 target, uint256 assets, uint256 minSharesOut) private returns (uint256 shares) {
        uint256 before = target.balanceOf(address(this));
        asset.forceApprove(address(target), assets);
        target.deposit(assets, address(this));
        asset.forceApprove(address(target), 0);
        shares = target.balanceOf(address(this)) - before;
        if (shares < minSharesOut) revert InsufficientSharesOut(shares, minSharesOut);
    }

    /// @dev Assets are counted by the vault's balance, not by what the target says it paid.
    function _redeemFrom(IERC4626 target, uint256 shares, uint256 minAssetsOut) private returns (uint256 assets) {
        if (shares == 0) revert ZeroAmount();
        uint256 before = asset.balanceOf(address(this));
        target.redeem(shares, address(this), address(this));
        assets = asset.balanceOf(address(this)) - before;
        if (assets < minAssetsOut) revert InsufficientAssetsOut(assets, minAssetsOut);
    }
}
