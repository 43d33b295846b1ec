package com.yieldpilot.market.ui;

import java.util.List;
import java.util.function.Consumer;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.yieldpilot.market.PoolFacets;
import com.yieldpilot.market.PoolFilter;
import org.jspecify.annotations.Nullable;

/**
 * The explorer's filters. Every change that makes a valid {@link PoolFilter} goes to the
 * listener; an invalid combination (a minimum above its maximum, a risk above 1) is
 * explained under the fields and changes nothing, so the grid keeps its last results and
 * nothing the user typed is lost. The rules and their wording are the record's, as the
 * REST API reports them.
 */
class PoolFilterBar extends Div {

	final TextField text = new TextField();

	final ComboBox<String> chain = new ComboBox<>("Chain");

	final ComboBox<String> protocol = new ComboBox<>("Protocol");

	final ComboBox<String> asset = new ComboBox<>("Asset");

	final NumberField minApy = new NumberField("Min APY");

	final NumberField maxApy = new NumberField("Max APY");

	final NumberField minTvl = new NumberField("Min TVL");

	final NumberField maxRisk = new NumberField("Max risk");

	final Span error = new Span();

	private final Consumer<PoolFilter> onChange;

	private PoolFilter current = PoolFilter.any();

	PoolFilterBar(PoolFacets facets, Consumer<PoolFilter> onChange) {
		this.onChange = onChange;
		addClassName("pool-filters");
		this.text.setId("pool-filter");
		this.text.setPlaceholder("Search pool ids, e.g. base or USDC");
		this.text.setClearButtonVisible(true);
		this.text.setWidthFull();
		this.text.setMaxLength(PoolFilter.TEXT_MAX_LENGTH);
		this.text.setValueChangeMode(ValueChangeMode.LAZY);
		listen(this.text);

		choices(this.chain, "filter-chain", facets.chains());
		choices(this.protocol, "filter-protocol", facets.protocols());
		choices(this.asset, "filter-asset", facets.assets());

		number(this.minApy, "filter-min-apy", "%", null, null, 0.5);
		number(this.maxApy, "filter-max-apy", "%", null, null, 0.5);
		number(this.minTvl, "filter-min-tvl", "$", 0.0, null, 1_000_000);
		this.minTvl.setHelperText("in US dollars");
		number(this.maxRisk, "filter-max-risk", null, 0.0, 1.0, 0.05);
		this.maxRisk.setHelperText("0 safe … 1 risky");

		Button clear = new Button("Clear filters", e -> clear());
		clear.setId("filter-clear");
		clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

		this.error.setId("filter-error");
		this.error.addClassName("filter-error");
		this.error.setVisible(false);

		FlexLayout fields = new FlexLayout(this.chain, this.protocol, this.asset, this.minApy, this.maxApy, this.minTvl,
				this.maxRisk, clear);
		fields.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		fields.setAlignItems(FlexLayout.Alignment.BASELINE);
		fields.addClassName("pool-filter-fields");
		add(this.text, fields, this.error);
	}

	/** The last valid filter. */
	PoolFilter filter() {
		return this.current;
	}

	private void apply() {
		PoolFilter filter;
		try {
			filter = new PoolFilter(this.chain.getValue(), this.protocol.getValue(), this.asset.getValue(),
					this.minApy.getValue(), this.maxApy.getValue(), this.minTvl.getValue(), this.maxRisk.getValue(),
					this.text.getValue());
		}
		catch (IllegalArgumentException ex) {
			this.error.setText(ex.getMessage());
			this.error.setVisible(true);
			return;
		}
		this.error.setVisible(false);
		if (!filter.equals(this.current)) {
			this.current = filter;
			this.onChange.accept(filter);
		}
	}

	private void clear() {
		for (HasValue<?, ?> field : new HasValue<?, ?>[] { this.text, this.chain, this.protocol, this.asset,
				this.minApy, this.maxApy, this.minTvl, this.maxRisk }) {
			field.clear();
		}
		apply();
	}

	private void choices(ComboBox<String> box, String id, List<String> items) {
		box.setId(id);
		box.setItems(items);
		box.setClearButtonVisible(true);
		box.setPlaceholder("any");
		listen(box);
	}

	private void number(NumberField field, String id, @Nullable String prefix, @Nullable Double min,
			@Nullable Double max, double step) {
		field.setId(id);
		field.setClearButtonVisible(true);
		field.setPlaceholder("any");
		field.setStep(step);
		if (min != null) {
			field.setMin(min);
		}
		if (max != null) {
			field.setMax(max);
		}
		if (prefix != null) {
			Span unit = new Span(prefix);
			if ("%".equals(prefix)) {
				field.setSuffixComponent(unit);
			}
			else {
				field.setPrefixComponent(unit);
			}
		}
		field.setValueChangeMode(ValueChangeMode.LAZY);
		listen(field);
	}

	private void listen(AbstractField<?, ?> field) {
		field.addValueChangeListener(e -> apply());
	}

}
