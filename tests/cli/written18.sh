#!/usr/bin/env bash
# Session 18 (helper "entity-hi", issue 5): mention recovery. A name the
# translation writes with no title, role or marker next to it, which its
# extractor therefore did not make an entity (hi ब्रिट्ज़मैन after a
# common noun, before a postposition), is present in the aligned
# paragraph: no "omitted" entity (story_entity_key_written, the diff's
# pass_written). All inputs are written here (our own sentences).
. "$(dirname "$0")/../support/cli.sh"

w en.txt "The city council approved a new bridge over the river on Tuesday." \
  "Engineer Dana Kelleway said the bridge would open in March. The work will cost 40 million dollars." \
  "Residents of Livingstone and Cumbernauld welcomed the decision. Analyst Tom Britzman expects traffic to fall by a third."
w hi.txt "नगर परिषद ने मंगलवार को नदी पर एक नए पुल को मंज़ूरी दी।" \
  "इंजीनियर डाना केलेवे ने कहा कि पुल मार्च में खुलेगा। इस काम पर 40 मिलियन डॉलर खर्च होंगे।" \
  "लिविंगस्टोन और कम्बरनॉल्ड के निवासियों ने फ़ैसले का स्वागत किया। विश्लेषक ब्रिट्ज़मैन को उम्मीद है कि यातायात एक तिहाई घट जाएगा।"
run compare --format=text --lang-a en --lang-b hi "$tmp/en.txt" "$tmp/hi.txt"
if [ "$st" -eq 0 ] && grep -q '^relation: translation' "$tmp/out" &&
  ! grep -q 'omitted entity.*Britzman' "$tmp/out"; then
  ok "written: a surname the hi translation writes unmarked is not omitted"
else fail "written: a surname the hi translation writes unmarked is not omitted"; fi
# the name really left out of the translation: still omitted (unverified)
sed -e 's/विश्लेषक ब्रिट्ज़मैन को/विश्लेषकों को/' "$tmp/hi.txt" >"$tmp/hi1.txt"
run compare --format=text --lang-a en --lang-b hi "$tmp/en.txt" "$tmp/hi1.txt"
if grep -q 'omitted entity.*Britzman' "$tmp/out"; then
  ok "written: a surname the translation drops is still omitted"
else fail "written: a surname the translation drops is still omitted"; fi
finish
