# Rolegate connection c0a8012e-rotation: Rotating
# Run with credentials of AWS account 111122223333.
# Updates the existing role arn:aws:iam::111122223333:role/rolegate-c0a8012e-rotation in place: its trust policy and its policy rolegate-read.

cat > trust-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : {
    "Sid" : "RolegateAssumeRoleWithExternalId",
    "Effect" : "Allow",
    "Principal" : {
      "AWS" : "arn:aws:iam::999988887777:root"
    },
    "Action" : "sts:AssumeRole",
    "Condition" : {
      "StringEquals" : {
        "sts:ExternalId" : [ "rg-newid66666666666666666666666666", "rg-oldid77777777777777777777777777" ]
      }
    }
  }
}
EOF

cat > permission-policy.json <<'EOF'
{
  "Version" : "2012-10-17",
  "Statement" : [ {
    "Sid" : "ListBuckets",
    "Effect" : "Allow",
    "Action" : [ "s3:ListBucket", "s3:ListBucketVersions" ],
    "Resource" : "arn:aws:s3:::acme-exports"
  }, {
    "Sid" : "ReadObjects",
    "Effect" : "Allow",
    "Action" : [ "s3:GetObject", "s3:GetObjectVersion" ],
    "Resource" : "arn:aws:s3:::acme-exports/*"
  }, {
    "Sid" : "LocateBuckets",
    "Effect" : "Allow",
    "Action" : "s3:GetBucketLocation",
    "Resource" : "arn:aws:s3:::acme-exports"
  } ]
}
EOF

aws iam update-assume-role-policy --region us-east-1 --role-name rolegate-c0a8012e-rotation \
  --policy-document file://trust-policy.json

aws iam put-role-policy --region us-east-1 --role-name rolegate-c0a8012e-rotation \
  --policy-name rolegate-read \
  --policy-document file://permission-policy.json

aws iam get-role --region us-east-1 --role-name rolegate-c0a8012e-rotation --query Role.Arn --output text
