-- The revision people edit against: changes made by the system (meeting link, archive record) do not bump
-- it, so a background update never turns someone's next autosave into a conflict.
ALTER TABLE conversations ADD COLUMN edit_revision integer NOT NULL DEFAULT 1;
UPDATE conversations SET edit_revision = revision;
