"""nbgrader's CheckCellMetadata, with the nbgrader metadata schema itself checked once per process.

nbgrader validates every cell's metadata with `jsonschema.validate`, which first checks the schema
against JSON Schema's metaschema, again for each cell, and the check runs twice per submission (after
sanitising and after grading): about a tenth of a grading process's CPU time. Here the schema is
checked once; every cell is validated by nbgrader's own rules (MetadataValidatorV3's, through the
class order below), with the same errors and log lines. tests/contracts/test_metadata_check.py
compares the two on valid and broken metadata.
"""
import traceback

import jsonschema
from nbgrader.nbgraderformat import MetadataValidator, ValidationError
from nbgrader.nbgraderformat.common import BaseMetadataValidator, SchemaTooNewError, SchemaTooOldError
from nbgrader.preprocessors import CheckCellMetadata as NbgraderCheckCellMetadata

_validators = {}  # schema version -> a jsonschema validator whose schema has been checked


def _schema_validator(version, schema):
    if version not in _validators:
        kind = jsonschema.validators.validator_for(schema)
        kind.check_schema(schema)
        _validators[version] = kind(schema)
    return _validators[version]


class _SchemaOnce(BaseMetadataValidator):
    """BaseMetadataValidator.validate_cell: the version checks, then the schema (checked once)."""

    def validate_cell(self, cell):
        if "nbgrader" not in cell.metadata:
            return
        found = cell.metadata["nbgrader"].get("schema_version", 0)
        if found < self.schema_version:
            raise SchemaTooOldError(f"Outdated schema version: {found} (expected {self.schema_version})",
                                    found, self.schema_version)
        if found > self.schema_version:
            raise SchemaTooNewError(f"Schema version is too new: {found} (expected {self.schema_version})",
                                    found, self.schema_version)
        validator = _schema_validator(self.schema_version, self.schema)
        error = jsonschema.exceptions.best_match(validator.iter_errors(cell.metadata["nbgrader"]))
        if error is not None:  # as jsonschema.validate raises it
            raise error


class FastMetadataValidator(MetadataValidator, _SchemaOnce):
    """nbgrader's current validator; its call to the base class's validate_cell lands in _SchemaOnce."""


class CheckCellMetadata(NbgraderCheckCellMetadata):
    def preprocess(self, nb, resources):
        try:
            FastMetadataValidator().validate_nb(nb)
        except ValidationError:
            self.log.error(traceback.format_exc())
            message = "Notebook failed to validate; the nbgrader metadata may be corrupted."
            self.log.error(message)
            raise ValidationError(message)
        return nb, resources
