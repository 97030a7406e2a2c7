import Testing

@testable import Generate

/// Long lines split as `ruff format` 0.x splits them at 120 columns (each expected text is ruff's output for the
/// flat line; the generated projects in CI are also checked with `ruff format --check`).
@Suite struct PythonLongLinesTests {
    func wrapped(_ text: String) -> String {
        PythonLongLines.wrap(text.components(separatedBy: "\n")).joined(separator: "\n")
    }

    @Test func eachShapeIsSplitAsRuffSplitsIt() {
        let name = "customer_reference_number_for_billing_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        #expect(
            wrapped("def one(\(name): CustomerReferenceNumberForBillingX) -> CustomerRef:")
                == "def one(\n    \(name): CustomerReferenceNumberForBillingX,\n) -> CustomerRef:")
        let two =
            "subscription_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx: int, another_parameter_xxxxxxxxxxxxxxxxxxxxx: str"
        #expect(
            wrapped("def update_subscription(\(two)) -> State:") == "def update_subscription(\n    \(two)\n) -> State:")
        #expect(
            wrapped("    \(name): ValidatedCustomerReferenceNumberForBillingX | None = None")
                == "    \(name): (\n        ValidatedCustomerReferenceNumberForBillingX | None\n    ) = None")
        #expect(
            wrapped(
                "    customer_reference_number_for_billing_x: ValidatedCustomerReferenceNumberForBillingX = acme_service.customer_reference_number"
            )
                == "    customer_reference_number_for_billing_x: ValidatedCustomerReferenceNumberForBillingX = (\n        acme_service.customer_reference_number\n    )"
        )
        #expect(
            wrapped(
                "ValidatedCustomerReferenceNumberForBillingX = Annotated[CustomerReferenceNumberForBillingX, AfterValidator(reference_ok_validator)]"
            )
                == "ValidatedCustomerReferenceNumberForBillingX = Annotated[\n    CustomerReferenceNumberForBillingX, AfterValidator(reference_ok_validator)\n]"
        )
        #expect(
            wrapped(
                "    subscription.wide.size_of_the_thing_with_a_long_name_xxxxxxxxxxxxxxxxxxxxxxxxx = size_of_the_thing_with_a_long_name_xxxxxxxxxxxxxxxxxxxxxxxxxx"
            )
                == "    subscription.wide.size_of_the_thing_with_a_long_name_xxxxxxxxxxxxxxxxxxxxxxxxx = (\n        size_of_the_thing_with_a_long_name_xxxxxxxxxxxxxxxxxxxxxxxxxx\n    )"
        )
    }

    /// An annotation or a value ending in a subscript or a call is split inside its brackets, not parenthesized.
    @Test func aTrailingSubscriptOrCallIsSplitInside() {
        let list = "ListOfList_of_the_secondary_devices_for_redundancy"
        let block = "CustomerPremisesEquipmentSettingsForRedundancyBlockInactive"
        #expect(
            wrapped("    list_of_the_secondary_devices_for_redundancy: \(list)[\(block)]")
                == "    list_of_the_secondary_devices_for_redundancy: \(list)[\n        \(block)\n    ]")
        let type = "CustomerPremisesEquipmentManagedServiceWithRedundancyInactive"
        let argument = "customer_premises_equipment_managed_service_with_redundancy.subscription_id"
        #expect(
            wrapped("    loaded = \(type).from_subscription(\(argument))")
                == "    loaded = \(type).from_subscription(\n        \(argument)\n    )")
    }

    @Test func linesThatFitStringsAndArgumentsAreLeftAlone() {
        let fits = "    label: str | None = \"a = b: c, d\""
        #expect(wrapped(fits) == fits)
        // Inside an open bracket a line is an argument or a parameter, not a statement.
        let parameter = "    " + String(repeating: "p", count: 70) + ": " + String(repeating: "T", count: 60) + ","
        #expect(wrapped("def f(\n" + parameter + "\n) -> None:") == "def f(\n" + parameter + "\n) -> None:")
        // Wide characters count two columns, as ruff counts them.
        let wide = "x: str = \"" + String(repeating: "检", count: 56) + "\""
        #expect(wrapped(wide) == "x: str = (\n    \"" + String(repeating: "检", count: 56) + "\"\n)")
    }

    @Test func aWrappedDecoratorStaysOnItsDefinition() {
        let text = "x = 1\n@step(\n    \"long\"\n)\n\n\ndef f() -> None:\n    pass\n"
        #expect(PythonLayout.normalize(text) == "x = 1\n\n\n@step(\n    \"long\"\n)\ndef f() -> None:\n    pass\n")
    }
}
