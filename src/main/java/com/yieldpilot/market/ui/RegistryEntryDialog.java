package com.yieldpilot.market.ui;

import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.converter.Converter;
import com.yieldpilot.market.InvalidRegistryEntryException;
import com.yieldpilot.market.ReadKind;
import com.yieldpilot.market.RegistryConflictException;
import com.yieldpilot.market.RegistryEntry;
import com.yieldpilot.market.RegistryEntryData;
import com.yieldpilot.shared.PoolId;
import org.jspecify.annotations.Nullable;

/**
 * Adds a pool to the registry or edits one. It hands the entry to a save callback instead
 * of calling a service, so it can be tested by filling fields and clicking. Field checks
 * run as the admin types; what only the whole entry can tell (an Aave reserve without its
 * asset) comes back from the record, and the server's own refusals are shown on the field
 * they concern.
 */
class RegistryEntryDialog extends Dialog {

	final TextField id = new TextField("Pool id");

	final TextField name = new TextField("Name");

	final Select<ReadKind> kind = new Select<>();

	final TextField contract = new TextField("Contract");

	final TextField asset = new TextField("Asset");

	final IntegerField assetDecimals = new IntegerField("Asset decimals");

	final TextField priceFeed = new TextField("Price feed (Chainlink, USD)");

	final TextField defiLlamaId = new TextField("DefiLlama pool id");

	final Checkbox stablecoin = new Checkbox("Stablecoin");

	final Button save = new Button("Save");

	final Paragraph problem = new Paragraph();

	private final Binder<RegistryEntryData> binder = new Binder<>(RegistryEntryData.class);

	private final Map<String, HasValidation> fields = Map.of("id", this.id, "name", this.name, "contract",
			this.contract, "asset", this.asset, "assetDecimals", this.assetDecimals, "priceFeed", this.priceFeed,
			"defiLlamaId", this.defiLlamaId);

	/**
	 * @param existing the entry to edit, or null to add one
	 * @param onSave stores the entry; may refuse it with the registry's exceptions
	 * @param onSaved told what was stored, once the dialog closed
	 */
	RegistryEntryDialog(@Nullable RegistryEntry existing, Function<RegistryEntryData, RegistryEntry> onSave,
			Consumer<RegistryEntry> onSaved) {
		setHeaderTitle((existing == null) ? "Add a pool to the registry" : "Edit " + existing.id());
		this.id.setId("registry-id");
		this.id.setPlaceholder("protocol:chain:asset[:qualifier], e.g. morpho:base:USDC:steakhouse");
		this.kind.setLabel("Read on chain as");
		this.kind.setItems(ReadKind.values());
		this.kind.setItemLabelGenerator(k -> k.label() + " (" + k.contractMeaning() + ")");
		this.kind.addValueChangeListener(e -> this.contract
			.setHelperText((e.getValue() != null) ? "The address of " + e.getValue().contractMeaning() : null));
		this.name.setMaxLength(RegistryEntryData.NAME_MAX_LENGTH);
		this.problem.setId("registry-problem");
		this.problem.addClassName("form-problem");
		this.problem.setVisible(false);
		bind();
		if (existing != null) {
			this.binder.readRecord(existing.data());
			this.id.setReadOnly(true);
		}
		else {
			this.kind.setValue(ReadKind.ERC4626);
		}
		this.save.setId("registry-save");
		this.save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		this.save.addClickListener(e -> save(onSave, onSaved));
		FormLayout form = new FormLayout(this.id, this.name, this.kind, this.contract, this.asset, this.assetDecimals,
				this.priceFeed, this.defiLlamaId, this.stablecoin);
		add(form, this.problem);
		getFooter().add(new Button("Cancel", e -> close()), this.save);
	}

	private void bind() {
		this.binder.forField(this.id)
			.asRequired("Give the pool an id, e.g. aave-v3:base:USDC.")
			.withConverter(
					Converter.from(
							(String text) -> PoolId.tryParse(text)
								.map(Result::ok)
								.orElseGet(() -> Result
									.error("Write protocol:chain:asset[:qualifier], e.g. aave-v3:base:USDC.")),
							PoolId::toString))
			.bind("id");
		this.binder.forField(this.name).bind("name");
		this.binder.forField(this.kind).asRequired().bind("kind");
		this.binder.forField(this.contract).withValidator(address()).bind("contract");
		this.binder.forField(this.asset).withValidator(address()).bind("asset");
		this.binder.forField(this.assetDecimals)
			.withValidator(d -> d == null || (d >= 0 && d <= 36), "Decimals lie between 0 and 36 (USDC has 6).")
			.bind("assetDecimals");
		this.binder.forField(this.priceFeed).withValidator(address()).bind("priceFeed");
		this.binder.forField(this.defiLlamaId).bind("defiLlamaId");
		this.binder.forField(this.stablecoin).bind("stablecoin");
	}

	private static Validator<String> address() {
		return (value, context) -> RegistryEntryData.addressProblem(value)
			.map(message -> ValidationResult.error("This " + message.replaceFirst("^'[^']*' ", "")))
			.orElse(ValidationResult.ok());
	}

	private void save(Function<RegistryEntryData, RegistryEntry> onSave, Consumer<RegistryEntry> onSaved) {
		this.problem.setVisible(false);
		try {
			RegistryEntry saved = onSave.apply(this.binder.writeRecord());
			close();
			onSaved.accept(saved);
		}
		catch (ValidationException ex) {
			// the fields say what to fix
		}
		catch (RegistryConflictException ex) {
			show(ex.getMessage());
		}
		catch (RuntimeException ex) {
			InvalidRegistryEntryException invalid = invalid(ex);
			if (invalid == null) {
				throw ex;
			}
			for (InvalidRegistryEntryException.FieldProblem p : invalid.problems()) {
				HasValidation field = this.fields.get(p.field());
				if (field != null) {
					field.setInvalid(true);
					field.setErrorMessage(p.message());
				}
				else {
					show(p.field() + ": " + p.message());
				}
			}
		}
	}

	// Binder builds the record reflectively, so the record's own refusal may
	// arrive wrapped
	private static @Nullable InvalidRegistryEntryException invalid(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof InvalidRegistryEntryException invalid) {
				return invalid;
			}
		}
		return null;
	}

	private void show(String message) {
		this.problem.setText(message);
		this.problem.setVisible(true);
	}

}
