"""Importing volunteers: the service behind the admin upload and the command.

``volunteer_import`` runs ``VolunteerResource`` over a file. With
``dry_run=True`` it is the preview (nothing is written); otherwise the
checked rows are written in bulk by ``writing.write_pending`` inside
import-export's transaction, and any invalid row rolls everything back.

The steps live in their own modules: ``files`` reads the file, ``resources``
checks each row, ``writing`` writes a valid file.
"""

from import_export.results import Result

from .files import read_dataset
from .resources import ImportSummary, VolunteerResource
from .writing import write_pending


def volunteer_import(
    *, data: bytes, file_name: str, by=None, dry_run: bool = True
) -> tuple[Result, ImportSummary]:
    """Check (and unless ``dry_run``, import) a volunteer file: all rows or none.

    Raises ``ImportFileError`` when the file itself cannot be read (encoding,
    format, header row); row problems are in the returned result
    (``result.invalid_rows``: row number and column → messages).
    """
    dataset = read_dataset(data, file_name)
    resource = VolunteerResource(by=by, file_name=file_name, write=write_pending)
    result = resource.import_data(
        dataset,
        dry_run=dry_run,
        use_transactions=True,
        rollback_on_validation_errors=True,
        raise_errors=False,
    )
    return result, resource.summary
